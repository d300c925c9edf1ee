package se.medborgardialog.cases.avvikelse;

import java.time.Instant;
import se.medborgardialog.contracts.AvvikelseStep;

/**
 * A step of the Skollagen 6 kap 10 § chain: reported to the rektor, the rektor reported to the huvudman, the huvudman
 * started its investigation.
 *
 * @param occurredAt when it happened (told by the recorder; may be before it was recorded)
 */
public record ChainStep(AvvikelseStep step, Instant occurredAt, String recordedBy, Instant recordedAt) {
}
