package se.medborgardialog.sla.watch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;

/**
 * The CloudEvents attributes of a message from the deadlines topic: {@code ce_} headers as raw UTF-8 bytes (the
 * service's header mapper keeps them so) or, should a mapper have decoded them, strings; Spring Cloud Function may
 * also have canonicalised the prefix.
 */
public final class CloudEventHeaders {

    private static final String[] PREFIXES = {"ce_", "ce-", "ce."};

    private CloudEventHeaders() {
    }

    public static String type(Message<?> message) {
        String type = attribute(message, "type");
        return type != null ? type : CloudEventMessageUtils.getType(message);
    }

    public static String id(Message<?> message) {
        return attribute(message, "id");
    }

    /** The event's time, or null when it has none or none that parses. */
    public static Instant time(Message<?> message) {
        String time = attribute(message, "time");
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    static String attribute(Message<?> message, String name) {
        for (String prefix : PREFIXES) {
            Object value = message.getHeaders().get(prefix + name);
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }
}
