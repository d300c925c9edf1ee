package se.medborgardialog.intake.tracking;

import java.time.Instant;

/**
 * What a reply answers once Kafka has it (202, and the page's receipt).
 *
 * @param replyId the reply's id, as in {@code CitizenReplied}
 */
record CitizenReplyReceipt(String replyId, String trackingCode, Instant repliedAt, String message) {
}
