package se.medborgardialog.reporting.facts;

import static se.medborgardialog.reporting.facts.IncomingEvents.require;

import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseAnswered;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseForwarded;
import se.medborgardialog.contracts.CaseOpened;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.EventTypes;

/** The {@code caseEvents} function: the case lifecycle topic, consumed raw and dispatched on {@code ce_type}. */
@Component("caseEvents")
class CaseEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumer.class);

    private final IncomingEvents incoming;
    private final Map<String, IncomingEvents.Handler> handlers;

    CaseEventsConsumer(IncomingEvents incoming, CaseFacts facts) {
        this.incoming = incoming;
        this.handlers = Map.of(
                EventTypes.CASE_OPENED, payload -> {
                    CaseOpened opened = incoming.read(payload, CaseOpened.class);
                    if (opened.caseType() != null && opened.caseType() != CaseType.SYNPUNKT) {
                        // Felanmälan, e-förslag and avvikelser have no statistics yet (issue 6); their cases
                        // must neither count as synpunkter nor be dead-lettered for lacking a synpunkt kind.
                        log.debug("Case {} of type {} not counted", opened.caseId(), opened.caseType());
                        return false;
                    }
                    require(opened.caseId(), "caseId");
                    require(opened.receivedAt(), "receivedAt");
                    require(opened.kind(), "kind");
                    require(opened.unit(), "unit");
                    facts.opened(opened);
                    log.debug("Case {} opened: fact recorded", opened.caseId());
                    return true;
                },
                EventTypes.CASE_ANSWERED, payload -> {
                    CaseAnswered answered = incoming.read(payload, CaseAnswered.class);
                    require(answered.caseId(), "caseId");
                    require(answered.answeredAt(), "answeredAt");
                    facts.answered(answered);
                    log.debug("Case {} answered: fact recorded", answered.caseId());
                    return true;
                },
                EventTypes.CASE_CLOSED, payload -> {
                    CaseClosed closed = incoming.read(payload, CaseClosed.class);
                    require(closed.caseId(), "caseId");
                    require(closed.closedAt(), "closedAt");
                    facts.closed(closed);
                    log.debug("Case {} closed: fact recorded", closed.caseId());
                    return true;
                },
                EventTypes.CASE_FORWARDED, payload -> {
                    CaseForwarded forwarded = incoming.read(payload, CaseForwarded.class);
                    require(forwarded.caseId(), "caseId");
                    require(forwarded.toUnit(), "toUnit");
                    require(forwarded.forwardedAt(), "forwardedAt");
                    facts.forwarded(forwarded);
                    log.debug("Case {} forwarded: fact moved to its new unit", forwarded.caseId());
                    return true;
                });
    }

    @Override
    public void accept(Message<byte[]> message) {
        incoming.handle(message, handlers);
    }
}
