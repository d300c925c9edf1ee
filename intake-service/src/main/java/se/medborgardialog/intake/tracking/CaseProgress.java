package se.medborgardialog.intake.tracking;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * How far a case has come, for the other features that show or guard it (Open311's service requests, the
 * attachments' unit check): taken from the one public view of each case that tracking builds from the events
 * intake reads back. No personal data.
 *
 * @param openedAt   when it was registered as a case (null until then)
 * @param expectedAt when the answer the citizen was promised is due (the answer clock's {@code dueAt})
 * @param updatedAt  the time of the latest event about the case
 */
public record CaseProgress(
        String caseId,
        String diarienummer,
        String unit,
        Instant openedAt,
        Instant answeredAt,
        Instant closedAt,
        String outcome,
        Instant expectedAt,
        Instant updatedAt) {

    /** Nothing read about the case yet: a submission just received. */
    public static CaseProgress none(String caseId) {
        return new CaseProgress(caseId, null, null, null, null, null, null, null, null);
    }

    static CaseProgress of(CaseStatus status) {
        Instant opened = status.history().stream().filter(entry -> "registrerad".equals(entry.type()))
                .map(HistoryEntry::at).filter(Objects::nonNull).findFirst().orElse(null);
        Instant updated = status.history().stream().map(HistoryEntry::at).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new CaseProgress(status.id(), status.diarienummer(), status.unit(), opened, status.answeredAt(),
                status.closedAt(), status.outcome(), status.answerByAt(), updated);
    }

    public boolean closed() {
        return closedAt != null;
    }
}
