package se.medborgardialog.intake.submission;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link SynpunktSubmitted} ready for the wire: its JSON, and what the headers need. The JSON is fixed once,
 * so a re-publish after a failed attempt sends the very same event.
 */
record SubmissionEvent(String submissionId, Instant submittedAt, SynpunktKind kind, Channel channel, String json) {

    static SubmissionEvent of(SynpunktSubmitted submitted, JsonMapper jsonMapper) {
        return new SubmissionEvent(submitted.submissionId().toString(), submitted.submittedAt(),
                submitted.kind(), submitted.channel(), jsonMapper.writeValueAsString(submitted));
    }

    /** Deterministic, so a re-published event has the same CloudEvents id and consumers drop the duplicate. */
    String eventId() {
        return UUID.nameUUIDFromBytes((submissionId + ":synpunkt-submitted").getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
