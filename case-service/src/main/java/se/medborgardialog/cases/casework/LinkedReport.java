package se.medborgardialog.cases.casework;

import java.time.Instant;

/** A later report of the same fault, linked to the case instead of opening one of its own. */
public record LinkedReport(String submissionId, String trackingCode, Instant receivedAt, Instant linkedAt) {
}
