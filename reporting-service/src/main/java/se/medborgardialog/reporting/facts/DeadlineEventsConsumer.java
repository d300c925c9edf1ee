package se.medborgardialog.reporting.facts;

import static se.medborgardialog.reporting.facts.IncomingEvents.require;

import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.EventTypes;

/**
 * The {@code deadlineEvents} function: sla-service's deadline clocks, dispatched on {@code ce_type}. Only the
 * reported clock ({@code reporting.facts.deadline-clock}) counts; other clocks are ignored.
 */
@Component("deadlineEvents")
class DeadlineEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(DeadlineEventsConsumer.class);

    private final IncomingEvents incoming;
    private final Map<String, IncomingEvents.Handler> handlers;

    DeadlineEventsConsumer(IncomingEvents incoming, CaseFacts facts, FactsProperties properties) {
        this.incoming = incoming;
        String reported = properties.deadlineClock();
        this.handlers = Map.of(
                EventTypes.DEADLINE_SCHEDULED, payload -> {
                    DeadlineScheduled scheduled = incoming.read(payload, DeadlineScheduled.class);
                    require(scheduled.caseId(), "caseId");
                    if (!reported.equals(scheduled.clock())) {
                        return false;
                    }
                    facts.deadlineScheduled(scheduled);
                    log.debug("Case {} deadline scheduled: fact recorded", scheduled.caseId());
                    return true;
                },
                EventTypes.DEADLINE_MET, payload -> {
                    DeadlineMet met = incoming.read(payload, DeadlineMet.class);
                    require(met.caseId(), "caseId");
                    if (!reported.equals(met.clock())) {
                        return false;
                    }
                    facts.deadlineMet(met);
                    log.debug("Case {} deadline met: fact recorded", met.caseId());
                    return true;
                },
                EventTypes.DEADLINE_BREACHED, payload -> {
                    DeadlineBreached breached = incoming.read(payload, DeadlineBreached.class);
                    require(breached.caseId(), "caseId");
                    if (!reported.equals(breached.clock())) {
                        return false;
                    }
                    facts.deadlineBreached(breached);
                    log.debug("Case {} deadline breached: fact recorded", breached.caseId());
                    return true;
                });
    }

    @Override
    public void accept(Message<byte[]> message) {
        incoming.handle(message, handlers);
    }
}
