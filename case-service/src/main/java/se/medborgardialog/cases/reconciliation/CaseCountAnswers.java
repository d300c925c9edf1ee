package se.medborgardialog.cases.reconciliation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseOutbox;
import se.medborgardialog.cases.casework.CaseStore;
import se.medborgardialog.cases.messaging.CaseEventPublisher;
import se.medborgardialog.cases.messaging.InboundDispatcher;
import se.medborgardialog.cases.messaging.PendingEvent;
import se.medborgardialog.contracts.CaseCountsReported;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.ReconciliationRequested;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers reporting-service's {@link ReconciliationRequested} with {@link CaseCountsReported}: counts the store's cases
 * ({@link CaseCounting}), makes sure every event of what it counted is on the cases topic (a case with events still
 * in its outbox has them published first), and only then reads the topic's end offsets, so a consumer that has read
 * up to them has seen everything the counts include. The answer is stored before it is published, under the request's
 * id, with an id derived from it: a redelivered request publishes the stored answer again, never a second count.
 */
@Component
class CaseCountAnswers {

    static final String BINDING = "reconciliationOut";
    private static final Logger log = LoggerFactory.getLogger(CaseCountAnswers.class);

    /** The answer given to one request, exactly as published. */
    @Document("reconciliationAnswers")
    record StoredAnswer(@Id String reconciliationId, String eventId, Instant countedAt, String payload) {
    }

    private final CaseStore store;
    private final CaseOutbox outbox;
    private final CasesTopicEnds topicEnds;
    private final CaseEventPublisher publisher;
    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;

    CaseCountAnswers(CaseStore store, CaseOutbox outbox, CasesTopicEnds topicEnds, CaseEventPublisher publisher,
            MongoTemplate mongo, JsonMapper json, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.topicEnds = topicEnds;
        this.publisher = publisher;
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
    }

    /** @return the outcome for the metric: {@code processed}, or {@code duplicate} when answered before */
    String answer(ReconciliationRequested request) {
        if (request.reconciliationId() == null || request.from() == null || request.to() == null
                || request.granularity() == null) {
            throw new IllegalArgumentException("Reconciliation request lacks its id, period or granularity");
        }
        String id = request.reconciliationId().toString();
        StoredAnswer earlier = mongo.findById(id, StoredAnswer.class);
        if (earlier != null) {
            log.info("Reconciliation {} answered before: its answer {} published again", id, earlier.eventId());
            publish(earlier);
            return "duplicate";
        }
        StoredAnswer answer = count(request);
        try {
            mongo.insert(answer);
        } catch (DuplicateKeyException answeredMeanwhile) {
            answer = mongo.findById(id, StoredAnswer.class);
        }
        publish(answer);
        return "processed";
    }

    private StoredAnswer count(ReconciliationRequested request) {
        Instant countedAt = clock.instant();
        CaseCounting counting = new CaseCounting(request.from(), request.to(), request.granularity());
        List<CaseId> withPendingEvents = new ArrayList<>();
        Instant end = request.to().plusDays(1).atStartOfDay(CaseCounting.STOCKHOLM).toInstant();
        store.forEachReceivedBefore(end, aCase -> {
            counting.add(aCase);
            if (!aCase.outbox().isEmpty()) {
                withPendingEvents.add(aCase.caseId());
            }
        });
        for (CaseId caseId : withPendingEvents) {
            store.find(caseId).filter(aCase -> !outbox.flushInOrder(aCase)).ifPresent(aCase -> {
                throw new IllegalStateException("Case " + caseId + " has events Kafka has not acknowledged yet; "
                        + "the count is tried again");
            });
        }
        Map<Integer, Long> ends = topicEnds.now();
        CaseCounting.Counts counts = counting.counts();
        CaseCountsReported reported = new CaseCountsReported(request.reconciliationId(), request.from(),
                request.to(), request.granularity(), countedAt, ends, counts.rows(), counts.open());
        String eventId = UUID.nameUUIDFromBytes((request.reconciliationId() + ":" + EventTypes.CASE_COUNTS_REPORTED)
                .getBytes(StandardCharsets.UTF_8)).toString();
        log.info("Reconciliation {}: counted {} rows and {} open groups up to {}, cases topic ends {}",
                request.reconciliationId(), counts.rows().size(), counts.open().size(), request.to(), ends);
        return new StoredAnswer(request.reconciliationId().toString(), eventId, countedAt,
                json.writeValueAsString(reported));
    }

    private void publish(StoredAnswer answer) {
        publisher.publish(BINDING, new PendingEvent(answer.eventId(), EventTypes.CASE_COUNTS_REPORTED,
                answer.reconciliationId(), answer.countedAt(), answer.payload()));
    }

    /** Binding {@code reconciliationRequests-in-0} on {@code medborgardialog.reconciliation.v1}; answers are ignored. */
    @Configuration(proxyBeanMethods = false)
    static class Binding {

        @Bean
        Consumer<Message<byte[]>> reconciliationRequests(InboundDispatcher dispatcher, CaseCountAnswers answers,
                JsonMapper json) {
            Map<String, InboundDispatcher.Handler> handlers = Map.of(EventTypes.RECONCILIATION_REQUESTED,
                    payload -> answers.answer(json.readValue(payload, ReconciliationRequested.class)));
            return message -> dispatcher.dispatch(message, handlers);
        }
    }
}
