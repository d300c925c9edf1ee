package se.medborgardialog.cases.casework;

import java.time.Instant;

/** A question the officer asked the citizen. The text is personal data: encrypted at rest, shown in audited reads. */
public record CitizenQuestion(String questionId, String text, String askedBy, Instant askedAt) {
}
