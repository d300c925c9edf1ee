package se.medborgardialog.cases.casework;

import java.time.Instant;

/** One step in a case's life: what happened, who did it, when. Never holds personal data. */
public record HistoryEntry(String what, String who, Instant when) {

    static final String SYSTEM = "system";
}
