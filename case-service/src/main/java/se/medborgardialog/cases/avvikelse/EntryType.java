package se.medborgardialog.cases.avvikelse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an investigation entry records (lex Sarah's and lex Maria's utredning, DOMAIN.md). */
public enum EntryType {
    VAD_HANDE("vad hände och konsekvenser"),
    NAR_HANDE("när det hände och upptäcktes"),
    ORSAKER("orsaker"),
    TIDIGARE_HANDELSER("tidigare liknande händelser och risk för upprepning"),
    /** A measure, with the time it was taken. */
    ATGARD("åtgärd");

    private final String swedish;

    EntryType(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }

    /** On the wire: {@code vad-hande}, {@code nar-hande}, {@code orsaker}, {@code tidigare-handelser}, {@code atgard}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<EntryType> fromWire(String value) {
        return Arrays.stream(values()).filter(type -> type.wire().equals(value)).findFirst();
    }
}
