package se.medborgardialog.intake.tracking;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The public view of one case, built only from events intake read back; id = the case id. Every event sets only
 * its own fields, and the status is derived from which of them are present, so the order in which events arrive
 * does not matter. Holds no personal data: no names, no text of the submission, no answer.
 *
 * @param answerBy   the last day of the answer promise, ISO-8601 local date (Europe/Stockholm)
 * @param answerByAt the instant that promise ends (the answer clock's {@code dueAt})
 */
@Document(CaseStatus.COLLECTION)
record CaseStatus(
        @Id String id,
        String caseType,
        String kind,
        String category,
        Instant receivedAt,
        String diarienummer,
        String unit,
        String answerBy,
        Instant answeredAt,
        Instant closedAt,
        String outcome,
        Instant publishedAt,
        Instant rejectedAt,
        Instant expiredAt,
        Instant sentToNamndAt,
        String namnd,
        List<HistoryEntry> history,
        Instant answerByAt) {

    static final String COLLECTION = "case_status";

    CaseStatus {
        history = history == null ? List.of() : history.stream()
                .sorted(Comparator.comparing(HistoryEntry::at, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Where the case stands now, the furthest step reached wins. */
    State state() {
        if (closedAt != null) {
            return State.AVSLUTAD;
        }
        if (answeredAt != null) {
            return State.BESVARAD;
        }
        if (diarienummer != null) {
            return State.REGISTRERAD;
        }
        if (rejectedAt != null) {
            return State.AVVISAT;
        }
        if (sentToNamndAt != null) {
            return State.SKICKAT_TILL_NAMND;
        }
        if (expiredAt != null) {
            return State.AVSLUTAT_UTAN_TILLRACKLIGT_STOD;
        }
        if (publishedAt != null) {
            return State.PUBLICERAT;
        }
        return State.MOTTAGEN;
    }

    String stateInWords() {
        State state = state();
        return state == State.REGISTRERAD ? "Registrerad som " + diarienummer : state.words();
    }

    enum State {
        MOTTAGEN("Mottagen"),
        PUBLICERAT("Publicerat för underskrifter"),
        AVVISAT("Avvisat"),
        AVSLUTAT_UTAN_TILLRACKLIGT_STOD("Avslutat utan tillräckligt många underskrifter"),
        SKICKAT_TILL_NAMND("Skickat till nämnden"),
        REGISTRERAD("Registrerad"),
        BESVARAD("Besvarad"),
        AVSLUTAD("Avslutad");

        private final String words;

        State(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }
}
