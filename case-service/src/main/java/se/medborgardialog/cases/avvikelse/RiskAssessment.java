package se.medborgardialog.cases.avvikelse;

import java.time.Instant;

/**
 * A risk and consequence assessment; a later one replaces it as the current one, the earlier ones stay.
 *
 * @param motivationEncrypted the short motivation, personal data: ciphertext
 */
public record RiskAssessment(int number, int probability, int consequence, int riskValue, RiskLevel level,
        String motivationEncrypted, String assessedBy, Instant assessedAt) {
}
