package se.medborgardialog.cases.opening;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import se.medborgardialog.cases.messaging.InboundDispatcher;
import se.medborgardialog.consuming.PollRecords;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.cases.casework.CaseWork;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.CitizenReplied;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.SynpunktSubmitted;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binding {@code submissions-in-0} on {@code medborgardialog.submissions.v1}, in batch mode: submissions open cases,
 * citizens' replies reach the cases that asked.
 *
 * <p>A poll's records are handled in their order. Consecutive plain openings ({@link CaseOpening#plainOpening}) are
 * opened together ({@link CaseOpening#openAll}); everything else (a complaint about another case, a duplicate
 * felanmälan, a reply, an unknown type, a record that cannot be read) goes one at a time, in its place, after the
 * openings before it. A record that fails is named to the container by its index
 * ({@link BatchListenerFailedException}): the records before it stay done, it is retried and finally dead-lettered
 * alone ({@link SubmissionsErrorHandling}), and the records after it come again.
 */
@Configuration
class SubmissionsConsumer {

    private static final Logger log = LoggerFactory.getLogger(SubmissionsConsumer.class);

    /** How each submission type that may open a case plainly is read. */
    private interface Reader {
        Object read(byte[] payload);
    }

    @Bean
    Consumer<Message<List<byte[]>>> submissions(InboundDispatcher dispatcher, CaseOpening opening, CaseWork work,
            EventSeal seal, JsonMapper json) {
        Map<String, Reader> openers = Map.of(
                EventTypes.SYNPUNKT_SUBMITTED, payload -> json.readValue(payload, SynpunktSubmitted.class),
                EventTypes.FELANMALAN_SUBMITTED, payload -> json.readValue(payload, FelanmalanSubmitted.class),
                EventTypes.AVVIKELSE_REPORTED, payload -> json.readValue(payload, AvvikelseReported.class),
                EventTypes.EFORSLAG_SENT_TO_NAMND, payload -> json.readValue(payload, EforslagSentToNamnd.class));
        Map<String, InboundDispatcher.Handler> oneByOne = Map.of(
                EventTypes.SYNPUNKT_SUBMITTED, payload -> opening.open(json.readValue(payload, SynpunktSubmitted.class)),
                EventTypes.FELANMALAN_SUBMITTED, payload -> opening.open(json.readValue(payload, FelanmalanSubmitted.class)),
                EventTypes.AVVIKELSE_REPORTED, payload -> opening.open(json.readValue(payload, AvvikelseReported.class)),
                EventTypes.EFORSLAG_SENT_TO_NAMND, payload -> opening.open(json.readValue(payload, EforslagSentToNamnd.class)),
                EventTypes.CITIZEN_REPLIED, payload -> citizenReplied(work, seal.unseal(json.readValue(payload, CitizenReplied.class))));
        return poll -> {
            List<Message<byte[]>> records = PollRecords.of(poll);
            log.debug("Poll of {} submissions records", records.size());
            Run run = new Run(dispatcher, opening);
            for (int index = 0; index < records.size(); index++) {
                Message<byte[]> record = records.get(index);
                String type = InboundDispatcher.typeOf(record);
                CaseOpening.PlainOpening plain = plainOpening(openers.get(type), record.getPayload(), opening);
                if (plain != null) {
                    run.add(index, type, plain);
                    continue;
                }
                run.open();
                try {
                    dispatcher.dispatch(record, oneByOne);
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException(failed.getMessage(), failed, index);
                }
            }
            run.open();
        };
    }

    /** Null when the record is no plain opening, or cannot be read: the one-by-one path then handles or fails it. */
    private static CaseOpening.PlainOpening plainOpening(Reader reader, byte[] payload, CaseOpening opening) {
        if (reader == null) {
            return null;
        }
        try {
            return opening.plainOpening(reader.read(payload));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** Consecutive plain openings of a poll, opened together when something else comes or the poll ends. */
    private static final class Run {

        private final InboundDispatcher dispatcher;
        private final CaseOpening opening;
        private final List<Integer> indexes = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<CaseOpening.PlainOpening> openings = new ArrayList<>();

        Run(InboundDispatcher dispatcher, CaseOpening opening) {
            this.dispatcher = dispatcher;
            this.opening = opening;
        }

        void add(int index, String type, CaseOpening.PlainOpening plain) {
            indexes.add(index);
            types.add(type);
            openings.add(plain);
        }

        void open() {
            if (openings.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            List<String> outcomes;
            try {
                outcomes = opening.openAll(openings);
            } catch (RuntimeException failed) {
                // the run is retried from its first record: what it opened is a duplicate then, and takes no number
                dispatcher.handled(types.get(0), "failed", Duration.ofNanos(System.nanoTime() - start));
                throw new BatchListenerFailedException(failed.getMessage(), failed, indexes.get(0));
            }
            Duration share = Duration.ofNanos((System.nanoTime() - start) / openings.size());
            for (int i = 0; i < outcomes.size(); i++) {
                dispatcher.handled(types.get(i), outcomes.get(i), share);
            }
            indexes.clear();
            types.clear();
            openings.clear();
        }
    }

    private static String citizenReplied(CaseWork work, CitizenReplied reply) {
        return work.citizenReplied(reply.caseId(), reply.replyId(), reply.trackingCode(), reply.repliedAt(),
                reply.text());
    }
}
