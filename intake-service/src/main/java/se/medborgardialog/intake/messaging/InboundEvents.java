package se.medborgardialog.intake.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CitizenInfoReceived;
import se.medborgardialog.contracts.CitizenInfoRequested;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CitizenReplied;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.DuplicateReportLinked;
import se.medborgardialog.contracts.EforslagExpired;
import se.medborgardialog.contracts.EforslagPublished;
import se.medborgardialog.contracts.EforslagRejected;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.EforslagSubmitted;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.consuming.BatchDeadLetters;
import se.medborgardialog.consuming.PollRecords;
import tools.jackson.databind.json.JsonMapper;

/**
 * What intake-service reads back from Kafka: its own submissions topic (so views such as the status page are
 * built from what was durably accepted, not from what a request hoped), the case lifecycle and the deadlines.
 * Each record is decoded by its {@code ce_type} and handed, synchronously, to the features' {@code @EventListener}
 * methods as the contract record itself (e.g. {@code @EventListener void on(CaseClosed closed)}), a poll at a time
 * (batch mode): features may gather their writes for the poll ({@link PollWrites}). A listener that throws makes the
 * container retry that record and finally dead-letter it alone to {@code <topic>.intake-service.dlt}
 * ({@link BatchDeadLetters}), so listeners must be idempotent. Avvikelser are not read back: intake keeps no view of them.
 */
@Configuration
class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);
    static final String METRIC = "medborgardialog.messages.processed";

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry(EventTypes.SYNPUNKT_SUBMITTED, SynpunktSubmitted.class),
            Map.entry(EventTypes.FELANMALAN_SUBMITTED, FelanmalanSubmitted.class),
            Map.entry(EventTypes.EFORSLAG_SUBMITTED, EforslagSubmitted.class),
            Map.entry(EventTypes.EFORSLAG_PUBLISHED, EforslagPublished.class),
            Map.entry(EventTypes.EFORSLAG_REJECTED, EforslagRejected.class),
            Map.entry(EventTypes.EFORSLAG_EXPIRED, EforslagExpired.class),
            Map.entry(EventTypes.EFORSLAG_SENT_TO_NAMND, EforslagSentToNamnd.class),
            Map.entry(EventTypes.CASE_OPENED, CaseOpened.class),
            Map.entry(EventTypes.CASE_ANSWERED, CaseAnswered.class),
            Map.entry(EventTypes.CASE_CLOSED, CaseClosed.class),
            Map.entry(EventTypes.DUPLICATE_REPORT_LINKED, DuplicateReportLinked.class),
            Map.entry(EventTypes.CITIZEN_INFO_REQUESTED, CitizenInfoRequested.class),
            Map.entry(EventTypes.CASE_FORWARDED, CaseForwarded.class),
            Map.entry(EventTypes.CITIZEN_INFO_RECEIVED, CitizenInfoReceived.class),
            Map.entry(EventTypes.CITIZEN_REPLIED, CitizenReplied.class),
            Map.entry(EventTypes.DEADLINE_SCHEDULED, DeadlineScheduled.class),
            Map.entry(EventTypes.DEADLINE_MET, DeadlineMet.class),
            Map.entry(EventTypes.DEADLINE_BREACHED, DeadlineBreached.class));

    /** Binding {@code submissionEvents-in-0}: intake's own {@code medborgardialog.submissions.v1}. */
    @Bean
    Consumer<Message<List<byte[]>>> submissionEvents(Dispatcher dispatcher) {
        return dispatcher::dispatchPoll;
    }

    /** Binding {@code caseEvents-in-0}: {@code medborgardialog.cases.v1}. */
    @Bean
    Consumer<Message<List<byte[]>>> caseEvents(Dispatcher dispatcher) {
        return dispatcher::dispatchPoll;
    }

    /** Binding {@code deadlineEvents-in-0}: {@code medborgardialog.deadlines.v1}. */
    @Bean
    Consumer<Message<List<byte[]>>> deadlineEvents(Dispatcher dispatcher) {
        return dispatcher::dispatchPoll;
    }

    /** Retries a poll's failing record and dead-letters it alone (the binder would dead-letter the whole poll). */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> inboundDeadLetters(
            BindingServiceProperties bindings, Environment environment) {
        return BatchDeadLetters.forBindings(bindings, environment,
                "submissionEvents-in-0", "caseEvents-in-0", "deadlineEvents-in-0");
    }

    @Bean
    Dispatcher inboundDispatcher(ApplicationEventPublisher events, JsonMapper json, MeterRegistry meters,
            List<PollWrites> pollWrites) {
        return new Dispatcher(events, json, meters, pollWrites);
    }

    static final class Dispatcher {
        private final ApplicationEventPublisher events;
        private final JsonMapper json;
        private final MeterRegistry meters;
        private final List<PollWrites> pollWrites;

        Dispatcher(ApplicationEventPublisher events, JsonMapper json, MeterRegistry meters,
                List<PollWrites> pollWrites) {
            this.events = events;
            this.json = json;
            this.meters = meters;
            this.pollWrites = List.copyOf(pollWrites);
        }

        /**
         * A poll's records in their order; the writes the features gathered ({@link PollWrites}) are made once the
         * records are handled, or up to and including a record that failed. A record that fails is named by its
         * index: the records before it stay done, it is retried and finally dead-lettered alone, the records after
         * it come again. Writes that fail are the whole poll's: it is handled again from its first record.
         */
        void dispatchPoll(Message<List<byte[]>> poll) {
            List<Message<byte[]>> records = PollRecords.of(poll);
            pollWrites.forEach(PollWrites::begin);
            int failedAt = -1;
            RuntimeException failure = null;
            for (int index = 0; index < records.size() && failure == null; index++) {
                try {
                    dispatch(records.get(index));
                } catch (RuntimeException failed) {
                    failedAt = index;
                    failure = failed;
                }
            }
            RuntimeException notWritten = null;
            for (PollWrites writes : pollWrites) {
                try {
                    writes.flush();
                } catch (RuntimeException failed) {
                    if (notWritten == null) {
                        notWritten = failed;
                    } else {
                        notWritten.addSuppressed(failed);
                    }
                }
            }
            if (notWritten != null) {
                throw new BatchListenerFailedException("The poll's gathered writes failed", notWritten, 0);
            }
            if (failure != null) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, failedAt);
            }
        }

        void dispatch(Message<byte[]> message) {
            // Reads ce_type whatever prefix and form it arrived in (Spring Cloud Function may canonicalise it).
            String type = Objects.requireNonNullElse(CloudEventMessageUtils.getType(message), "");
            Class<?> recordType = TYPES.get(type);
            Timer.Sample sample = Timer.start(meters);
            if (recordType == null) {
                log.debug("Ignoring message of type '{}'", type);
                sample.stop(meters.timer(METRIC, "type", "other", "outcome", "ignored"));
                return;
            }
            String outcome = "failed";
            try {
                events.publishEvent(json.readValue(message.getPayload(), recordType));
                outcome = "processed";
            } finally {
                sample.stop(meters.timer(METRIC, "type", type, "outcome", outcome));
            }
        }
    }
}
