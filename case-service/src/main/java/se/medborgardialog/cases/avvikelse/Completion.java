package se.medborgardialog.cases.avvikelse;

import java.time.Instant;

/** The investigation was completed: nothing more is added to it. */
public record Completion(String completedBy, Instant completedAt) {
}
