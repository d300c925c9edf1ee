package se.medborgardialog.sla.deadline;

import java.util.List;
import java.util.Set;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.sla.guarantee.ClockDuration;
import se.medborgardialog.sla.guarantee.Compensation;
import se.medborgardialog.sla.guarantee.Guarantee;
import se.medborgardialog.sla.guarantee.Suspension;
import se.medborgardialog.sla.guarantee.Trigger;
import se.medborgardialog.sla.guarantee.WarningPoint;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * The terms a clock keeps, copied from its guarantee at the version in force when it started: a later change of the
 * guarantee does not touch a running clock, and its history says which version governed it. Stored in the deadline
 * document as written ({@code P2WD}, {@code 50%}, {@code 06-01..08-31}). A clock from before the catalogue has none
 * (see {@link #legacy}).
 */
public record ClockTerms(
        String guaranteeId,
        int guaranteeVersion,
        String title,
        GuaranteeType type,
        String duration,
        Set<Trigger> stopOn,
        Set<Trigger> pauseOn,
        Set<Trigger> resumeOn,
        List<String> warnings,
        List<String> suspensions,
        Compensation compensation) {

    public ClockTerms {
        stopOn = stopOn == null ? Set.of() : Set.copyOf(stopOn);
        pauseOn = pauseOn == null ? Set.of() : Set.copyOf(pauseOn);
        resumeOn = resumeOn == null ? Set.of() : Set.copyOf(resumeOn);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        suspensions = suspensions == null ? List.of() : List.copyOf(suspensions);
    }

    public static ClockTerms of(Guarantee guarantee) {
        return new ClockTerms(guarantee.id(), guarantee.version(), guarantee.title(), guarantee.type(),
                guarantee.duration().text(), guarantee.stopOn(), guarantee.pauseOn(), guarantee.resumeOn(),
                guarantee.warnings().stream().map(WarningPoint::text).toList(),
                guarantee.suspensions().stream().map(Suspension::toString).toList(), guarantee.compensation());
    }

    /** A clock scheduled before the catalogue: today's triggers, working days or (0) calendar days, no guarantee. */
    static ClockTerms legacy(int workingDays) {
        return new ClockTerms(null, 0, null, null, workingDays > 0 ? "P" + workingDays + "WD" : "P0D",
                Trigger.DEFAULT_STOP, Trigger.DEFAULT_PAUSE, Trigger.DEFAULT_RESUME, List.of(), List.of(), null);
    }

    public GuaranteeRef ref() {
        return guaranteeId == null ? null : new GuaranteeRef(guaranteeId, guaranteeVersion, title, type);
    }

    public ClockDuration clockDuration() {
        return ClockDuration.parse(duration);
    }

    public List<WarningPoint> warningPoints() {
        return warnings.stream().map(WarningPoint::parse).toList();
    }

    Countdown countdown(SwedishCalendar calendar) {
        return new Countdown(calendar, clockDuration(), suspensions.stream().map(Suspension::parse).toList());
    }
}
