package se.medborgardialog.cases.casework;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadline words staff see: {@code i-tid}, {@code snart-forfallen}, {@code forfallen}, {@code uppfylld}, and
 * {@code pausad} while the clock waits for the citizen (it does not count down then).
 */
public final class DeadlineLabel {

    public static final String ON_TRACK = "i-tid";
    public static final String DUE_SOON = "snart-forfallen";
    public static final String BREACHED = "forfallen";
    public static final String MET = "uppfylld";
    public static final String PAUSED = "pausad";

    private DeadlineLabel() {
    }

    /** Null when no deadline is known yet. Uses the case's own answer when sla-service has not reported yet. */
    public static String of(Case aCase, Instant now, Duration dueSoon) {
        // the first answer stops the first-answer clock; a reopened case's later answers do not move it
        Instant stoppedAt = aCase.firstAnswer() != null ? aCase.firstAnswer().answeredAt()
                : aCase.closure() != null ? aCase.closure().closedAt() : null;
        return of(aCase.deadline(), stoppedAt, now, dueSoon);
    }

    /** @param stoppedAt when the case was answered (or closed unanswered); null while it waits */
    static String of(CaseDeadline deadline, Instant stoppedAt, Instant now, Duration dueSoon) {
        if (deadline == null) {
            return null;
        }
        if (deadline.status() == DeadlineStatus.MET) {
            return MET;
        }
        if (deadline.status() == DeadlineStatus.BREACHED) {
            return BREACHED;
        }
        if (deadline.isPaused()) {
            // A clock cannot run late while it waits for the citizen: answered or closed meanwhile is in time.
            return stoppedAt != null ? MET : PAUSED;
        }
        Instant dueAt = deadline.dueAt();
        if (dueAt == null) {
            return ON_TRACK;
        }
        if (stoppedAt != null) {
            return stoppedAt.isAfter(dueAt) ? BREACHED : MET;
        }
        if (now.isAfter(dueAt)) {
            return BREACHED;
        }
        return Duration.between(now, dueAt).compareTo(dueSoon) <= 0 ? DUE_SOON : ON_TRACK;
    }
}
