package se.medborgardialog.cases.casework;

import java.time.Instant;

/**
 * The citizen's reply to a question: sent on the status page, or taken by phone or letter and registered by the
 * officer. The text is personal data: encrypted at rest, shown in audited reads.
 *
 * @param replyId      one id per reply, so a reply delivered twice is kept once
 * @param registeredBy the officer who registered it, or {@code medborgare}
 * @param late         it came when the case was not waiting for it (kept so no word of the citizen is lost)
 */
public record CitizenReply(String replyId, String text, String registeredBy, Instant receivedAt, boolean late) {

    public static final String CITIZEN = "medborgare";
}
