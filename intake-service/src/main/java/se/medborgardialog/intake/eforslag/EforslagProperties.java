package se.medborgardialog.intake.eforslag;

import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The municipality's e-förslag rules ({@code intake.eforslag.*}).
 *
 * @param signatureThreshold    signatures needed within the window for the proposal to go to the nämnd
 * @param signingWindow         how long a published proposal is open for signatures (Örnsköldsvik: 90 days)
 * @param municipalityCode      the kommunkod; only people folkbokförda there may submit or sign
 * @param moderationCriteria    shown to moderators, in Swedish
 * @param similarProposalPeriod a proposal with the same normalised title published within this period is refused
 * @param namndPerCategory      category id → the nämnd (unit) that decides it
 * @param defaultNamnd          for categories not in the map
 * @param signatureHashKey      base64 key (≥ 32 bytes) of the keyed hash of signers' personnummer
 * @param identity              how citizens are identified
 * @param namndAnswerWithin      the promise of when the nämnd answers a proposal that reached its threshold, as
 *                               the receipt tells it (sla-service's {@code sla.eforslag.period} keeps the clock)
 */
@ConfigurationProperties("intake.eforslag")
public record EforslagProperties(
        @DefaultValue("50") int signatureThreshold,
        @DefaultValue("P90D") Period signingWindow,
        @DefaultValue("0000") String municipalityCode,
        @DefaultValue({}) List<String> moderationCriteria,
        @DefaultValue("P12M") Period similarProposalPeriod,
        @DefaultValue({}) Map<String, String> namndPerCategory,
        @DefaultValue("medborgarservice") String defaultNamnd,
        String signatureHashKey,
        @DefaultValue Identity identity,
        @DefaultValue("P6M") Period namndAnswerWithin) {

    /** @param development accept a typed personnummer (never in production) */
    public record Identity(@DefaultValue("false") boolean development) {
    }

    public EforslagProperties {
        if (signatureThreshold < 1) {
            throw new IllegalArgumentException("intake.eforslag.signature-threshold must be at least 1");
        }
        moderationCriteria = List.copyOf(moderationCriteria);
        namndPerCategory = Map.copyOf(namndPerCategory);
    }

    public String namndFor(String category) {
        return namndPerCategory.getOrDefault(category, defaultNamnd);
    }
}
