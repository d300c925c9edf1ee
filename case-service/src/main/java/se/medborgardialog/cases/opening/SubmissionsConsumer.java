package se.medborgardialog.cases.opening;

import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.medborgardialog.cases.messaging.InboundDispatcher;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.cases.casework.CaseWork;
import se.medborgardialog.contracts.AvvikelseReported;
import se.medborgardialog.contracts.CitizenReplied;
import se.medborgardialog.contracts.EforslagSentToNamnd;
import se.medborgardialog.contracts.FelanmalanSubmitted;
import se.medborgardialog.contracts.SynpunktSubmitted;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binding {@code submissions-in-0} on {@code medborgardialog.submissions.v1}: submissions open cases, citizens' replies
 * reach the cases that asked.
 */
@Configuration
class SubmissionsConsumer {

    @Bean
    Consumer<Message<byte[]>> submissions(InboundDispatcher dispatcher, CaseOpening opening, CaseWork work,
            EventSeal seal, JsonMapper json) {
        Map<String, InboundDispatcher.Handler> handlers = Map.of(
                EventTypes.SYNPUNKT_SUBMITTED, payload -> opening.open(json.readValue(payload, SynpunktSubmitted.class)),
                EventTypes.FELANMALAN_SUBMITTED, payload -> opening.open(json.readValue(payload, FelanmalanSubmitted.class)),
                EventTypes.AVVIKELSE_REPORTED, payload -> opening.open(json.readValue(payload, AvvikelseReported.class)),
                EventTypes.EFORSLAG_SENT_TO_NAMND, payload -> opening.open(json.readValue(payload, EforslagSentToNamnd.class)),
                EventTypes.CITIZEN_REPLIED, payload -> citizenReplied(work, seal.unseal(json.readValue(payload, CitizenReplied.class))));
        return message -> dispatcher.dispatch(message, handlers);
    }

    private static String citizenReplied(CaseWork work, CitizenReplied reply) {
        return work.citizenReplied(reply.caseId(), reply.replyId(), reply.trackingCode(), reply.repliedAt(),
                reply.text());
    }
}
