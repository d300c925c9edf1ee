package se.medborgardialog.cases.deadlines;

import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.medborgardialog.cases.casework.DeadlineStatus;
import se.medborgardialog.cases.messaging.InboundDispatcher;
import se.medborgardialog.contracts.DeadlineBreached;
import se.medborgardialog.contracts.DeadlineMet;
import se.medborgardialog.contracts.DeadlinePaused;
import se.medborgardialog.contracts.DeadlineRescheduled;
import se.medborgardialog.contracts.DeadlineResumed;
import se.medborgardialog.contracts.DeadlineScheduled;
import se.medborgardialog.contracts.EventTypes;
import tools.jackson.databind.json.JsonMapper;

/** Binding {@code deadlines-in-0} on {@code medborgardialog.deadlines.v1}. */
@Configuration
class DeadlinesConsumer {

    @Bean
    Consumer<Message<byte[]>> deadlines(InboundDispatcher dispatcher, DeadlineTracking tracking,
            DeadlineNotices notices, JsonMapper json) {
        Map<String, InboundDispatcher.Handler> handlers = Map.of(
                EventTypes.DEADLINE_SCHEDULED, payload -> {
                    DeadlineScheduled event = json.readValue(payload, DeadlineScheduled.class);
                    return tracking.record(event.caseId(), event.clock(), event.dueDate(), event.dueAt(),
                            DeadlineStatus.RUNNING);
                },
                EventTypes.DEADLINE_MET, payload -> {
                    DeadlineMet event = json.readValue(payload, DeadlineMet.class);
                    return tracking.record(event.caseId(), event.clock(), null, event.dueAt(), DeadlineStatus.MET);
                },
                EventTypes.DEADLINE_BREACHED, payload -> notices.breached(
                        json.readValue(payload, DeadlineBreached.class)),
                EventTypes.DEADLINE_RESCHEDULED, payload -> notices.rescheduled(
                        json.readValue(payload, DeadlineRescheduled.class)),
                EventTypes.DEADLINE_PAUSED, payload -> {
                    DeadlinePaused event = json.readValue(payload, DeadlinePaused.class);
                    return tracking.paused(event.caseId(), event.clock(), event.pausedAt());
                },
                EventTypes.DEADLINE_RESUMED, payload -> {
                    DeadlineResumed event = json.readValue(payload, DeadlineResumed.class);
                    return tracking.resumed(event.caseId(), event.clock(), event.resumedAt(), event.dueDate(),
                            event.dueAt());
                });
        return message -> dispatcher.dispatch(message, handlers);
    }
}
