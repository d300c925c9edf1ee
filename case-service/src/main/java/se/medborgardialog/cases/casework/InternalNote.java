package se.medborgardialog.cases.casework;

import java.time.Instant;

/** An officer's note on a case, for colleagues only. Personal data may be in it: encrypted at rest. */
public record InternalNote(String text, String author, Instant writtenAt) {
}
