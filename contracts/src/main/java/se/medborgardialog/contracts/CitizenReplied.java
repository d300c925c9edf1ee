package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The citizen answered the officer's question on the status page (intake-service, topic
 * {@link Topics#SUBMISSIONS}). case-service keeps the reply and resumes the case's clocks.
 *
 * @param replyId one id per reply, so a reply delivered twice is kept once
 * @param text    null when sealed
 * @param sealed  {@link CitizenReplyPersonalData}, encrypted for the holders of the event key
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CitizenReplied(CaseId caseId, String replyId, TrackingCode trackingCode, Instant repliedAt, String text,
        String sealed) {
}
