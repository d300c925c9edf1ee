package se.medborgardialog.intake.tracking;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The public view of one case, built only from events intake read back; id = the case id. Every event sets only
 * its own fields, and the status is derived from which of them are present, so the order in which events arrive
 * does not matter. Holds no personal data: no names, no text of the submission, no answer.
 *
 * @param answerBy        the last day of the answer promise, ISO-8601 local date (Europe/Stockholm)
 * @param answerByAt      the instant that promise ends (the answer clock's {@code dueAt})
 * @param infoRequestedAt the latest time the officer asked the citizen for more information
 * @param infoReceivedAt  the latest time case-service said the citizen's information reached the case
 * @param repliedAt       the latest time the citizen replied on the status page (read back, or just acknowledged)
 * @param guaranteeBreach the case's tjänstegaranti that was not kept (sla-service's {@code DeadlineBreached}), null
 *                        while every guarantee holds: the citizen may complain about it
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
        Instant answerByAt,
        Instant infoRequestedAt,
        Instant infoReceivedAt,
        Instant repliedAt,
        GuaranteeBreach guaranteeBreach) {

    static final String COLLECTION = "case_status";

    /**
     * A tjänstegaranti the municipality did not keep: its Swedish title, the compensation it promises (null when none)
     * and when the breach was found. No personal data.
     */
    record GuaranteeBreach(String guaranteeId, int version, String title, String compensation, Instant breachedAt) {
    }

    @PersistenceCreator
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

    /**
     * Whether the officer waits for the citizen. Each of the three times is the latest of its kind (the store keeps
     * the maximum), so a late or repeated event cannot move the case back: the case waits while nothing was
     * received since the latest question, and the citizen's own reply since then shows as sent.
     */
    CitizenInfo citizenInfo() {
        if (infoRequestedAt == null || (infoReceivedAt != null && !infoReceivedAt.isBefore(infoRequestedAt))) {
            return CitizenInfo.NONE;
        }
        return repliedAt != null && !repliedAt.isBefore(infoRequestedAt) ? CitizenInfo.SVAR_SKICKAT : CitizenInfo.BEGARD;
    }

    /** A view from before guarantees were followed. */
    CaseStatus(String id, String caseType, String kind, String category, Instant receivedAt, String diarienummer,
            String unit, String answerBy, Instant answeredAt, Instant closedAt, String outcome, Instant publishedAt,
            Instant rejectedAt, Instant expiredAt, Instant sentToNamndAt, String namnd, List<HistoryEntry> history,
            Instant answerByAt, Instant infoRequestedAt, Instant infoReceivedAt, Instant repliedAt) {
        this(id, caseType, kind, category, receivedAt, diarienummer, unit, answerBy, answeredAt, closedAt, outcome,
                publishedAt, rejectedAt, expiredAt, sentToNamndAt, namnd, history, answerByAt, infoRequestedAt,
                infoReceivedAt, repliedAt, null);
    }

    /**
     * The same view without the officer's questions and the breached guarantee, for someone they were not put to
     * (a linked felanmälan's reporter: the case's own submitter is the one who may complain).
     */
    CaseStatus withoutCitizenInfo() {
        return new CaseStatus(id, caseType, kind, category, receivedAt, diarienummer, unit, answerBy, answeredAt,
                closedAt, outcome, publishedAt, rejectedAt, expiredAt, sentToNamndAt, namnd, history, answerByAt,
                null, null, null, null);
    }

    /** The guard of a complaint about a breached guarantee: only when a tjänstegaranti of the case was not kept. */
    GuaranteeBreach breachToComplainAbout() {
        if (guaranteeBreach == null) {
            throw new UnknownTrackingCodeException(UnknownTrackingCodeException.NO_BREACH);
        }
        return guaranteeBreach;
    }

    /** The guard of a citizen's reply: only to a question still open, and once. */
    void checkMayReply() {
        switch (citizenInfo()) {
            case NONE -> throw new NoQuestionPendingException(NoQuestionPendingException.NOT_ASKED);
            case SVAR_SKICKAT -> throw new NoQuestionPendingException(NoQuestionPendingException.ALREADY_REPLIED);
            case BEGARD -> {
            }
        }
    }

    /** Whether the officer waits for the citizen; the public name of each is its name in lower case, dashed. */
    enum CitizenInfo {
        /** Nobody waits for the citizen. */
        NONE,
        /** The officer asked and waits for the citizen's reply. */
        BEGARD,
        /** The citizen replied; the case waits for case-service to say the reply reached it. */
        SVAR_SKICKAT;

        /** {@code begard}, {@code svar-skickat}, or null when nobody waits. */
        String publicName() {
            return this == NONE ? null : name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
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
