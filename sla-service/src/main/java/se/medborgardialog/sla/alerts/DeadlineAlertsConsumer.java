package se.medborgardialog.sla.alerts;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.sla.watch.ClockChange;
import se.medborgardialog.sla.watch.CloudEventHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code deadlineAlerts} function: warnings and breaches of the deadlines topic, in the consumer group
 * {@code sla-service-alerts} that all instances share, so each event is handled by one of them; {@link ManagerAlerts}
 * makes a redelivery harmless. What still fails after the binder's attempts goes to the dead-letter topic.
 */
@Component("deadlineAlerts")
class DeadlineAlertsConsumer implements Consumer<Message<byte[]>> {

    private final ManagerAlerts alerts;
    private final JsonMapper json;

    DeadlineAlertsConsumer(ManagerAlerts alerts, JsonMapper json) {
        this.alerts = alerts;
        this.json = json;
    }

    @Override
    public void accept(Message<byte[]> message) {
        String type = CloudEventHeaders.type(message);
        if (!EventTypes.DEADLINE_WARNING.equals(type) && !EventTypes.DEADLINE_BREACHED.equals(type)) {
            return;
        }
        String id = CloudEventHeaders.id(message);
        if (id == null) {
            throw new IllegalArgumentException("A " + type + " event without ce_id cannot be alerted exactly once");
        }
        ClockChange.read(id, type, CloudEventHeaders.time(message), message.getPayload(), json)
                .ifPresent(alerts::alert);
    }
}
