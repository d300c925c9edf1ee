package se.medborgardialog.intake.avvikelse;

import java.time.Instant;
import se.medborgardialog.contracts.AffectedPerson;
import se.medborgardialog.contracts.Law;
import se.medborgardialog.contracts.LegalFlow;

/** An avvikelse that passed {@link AvvikelseValidator}: the flow fits the law, times are instants. */
record ValidAvvikelse(
        Law law,
        LegalFlow legalFlow,
        String unit,
        String whatHappened,
        Instant occurredAt,
        Instant noticedAt,
        String immediateMeasures,
        AffectedPerson affectedPerson) {
}
