package se.medborgardialog.intake.open311;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How far a case has come, as Open311 shows it for every report the case handles (its own and the linked
 * duplicates); id = the case id. Built by {@link CaseProgressProjection} from the case and deadline events intake
 * reads back, each setting only its own fields, so they may arrive in any order and before or after the reports.
 * No personal data: no names, no text, no answer.
 *
 * @param deadlines the due time per deadline clock ({@code DeadlineScheduled.clock} → {@code dueAt})
 * @param updatedAt the latest time of an event about the case (opened, answered, closed, a duplicate linked)
 */
@Document(CaseProgress.COLLECTION)
record CaseProgress(
        @Id String caseId,
        String diarienummer,
        String unit,
        Instant openedAt,
        Instant answeredAt,
        Instant closedAt,
        String outcome,
        Map<String, Instant> deadlines,
        Instant updatedAt) {

    static final String COLLECTION = "open311_case_progress";
    /** The clock whose due time is the request's {@code expected_datetime} (sla-service's only clock today). */
    static final String FIRST_ANSWER = "first-answer";

    CaseProgress {
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
    }

    /** Nothing read about the case yet: a report just received. */
    static CaseProgress none(String caseId) {
        return new CaseProgress(caseId, null, null, null, null, null, null, Map.of(), null);
    }

    boolean closed() {
        return closedAt != null;
    }

    /** The first-answer deadline, or the latest of the others when a case has no such clock. */
    Instant expectedAt() {
        Instant firstAnswer = deadlines.get(FIRST_ANSWER);
        return firstAnswer != null ? firstAnswer
                : deadlines.values().stream().max(Instant::compareTo).orElse(null);
    }
}
