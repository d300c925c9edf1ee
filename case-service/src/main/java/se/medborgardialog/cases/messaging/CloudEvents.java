package se.medborgardialog.cases.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.messaging.Message;

/** CloudEvents binary-mode header names on Kafka, and reading them whatever form the header mapper gave. */
public final class CloudEvents {

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";

    private CloudEvents() {
    }

    /** Raw Kafka headers arrive as byte[]; headers typed by a Spring producer may arrive as String. */
    public static Optional<String> header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(value).map(Object::toString);
    }
}
