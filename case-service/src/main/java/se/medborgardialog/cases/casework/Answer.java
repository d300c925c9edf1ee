package se.medborgardialog.cases.casework;

import java.time.Instant;

/** The answer given to the citizen. Personal data: the text may quote the submission. */
public record Answer(String text, Instant answeredAt, String answeredBy) {
}
