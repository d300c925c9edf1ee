package se.medborgardialog.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A step of an avvikelse's legal flow was recorded on its case. Carries no personal data: what the investigation
 * found stays in case-service.
 *
 * @param occurredAt when the step happened (may be before it was recorded)
 * @param serious    for {@link AvvikelseStep#DECIDED}: whether the missförhållande or vårdskada is serious enough
 *                   to report to IVO; null for the other steps
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AvvikelseStepRecorded(CaseId caseId, String unit, LegalFlow legalFlow, AvvikelseStep step,
        Instant occurredAt, Boolean serious, String recordedBy, Instant recordedAt) {
}
