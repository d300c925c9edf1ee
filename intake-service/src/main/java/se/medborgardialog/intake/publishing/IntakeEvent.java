package se.medborgardialog.intake.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event ready for the wire: its CloudEvents attributes, its Kafka key and its JSON. The JSON is fixed once,
 * so a re-publish after a failed attempt sends the very same event (same {@code ce_id}).
 *
 * @param key     the Kafka key: the id of the case the event is about
 * @param eventId the CloudEvents id, derived from the subject and the event's name so a re-send is recognisable
 * @param type    the versioned CloudEvents type from {@code EventTypes}
 * @param subject the CloudEvents subject: the id of the thing the event is about (the submission or proposal)
 */
public record IntakeEvent(String key, String eventId, String type, Instant time, String subject, String json) {

    /**
     * @param eventName a name unique per subject, e.g. {@code synpunkt-submitted}; with the subject it makes the id
     */
    public static IntakeEvent of(String key, String subject, String type, String eventName, Instant time,
            Object payload, JsonMapper jsonMapper) {
        String eventId = UUID.nameUUIDFromBytes((subject + ":" + eventName).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new IntakeEvent(key, eventId, type, time, subject, jsonMapper.writeValueAsString(payload));
    }
}
