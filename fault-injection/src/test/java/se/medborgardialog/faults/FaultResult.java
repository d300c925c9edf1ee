package se.medborgardialog.faults;

import java.util.List;
import java.util.Map;

/**
 * What survived one fault, counted after the load stopped and the system settled.
 *
 * @param acknowledged   submissions answered 202/201 while this fault's load ran
 * @param cases          of those, how many have a case in case-service's store
 * @param duplicates     cases of this phase opened by more than one distinct {@code CaseOpened}
 * @param lost           acknowledged submissions without a case
 * @param deadLettered   records that reached a dead-letter topic during this phase
 * @param clocksDue      clocks of this phase's cases whose time ran out before the check
 * @param firedOnce      of those, breached by exactly one distinct {@code DeadlineBreached}
 * @param firedTwice     clocks (due or not) breached by two or more distinct events
 * @param statistics     reporting's received counts per case type equal the store's (all phases so far)
 * @param statuses       HTTP status → count of the load's answers in this phase (0: no connection)
 * @param violations     5xx other than 503, a 503 without Retry-After, a 202 while the broker was down, a failed check
 */
record FaultResult(String fault, int acknowledged, int cases, int duplicates, int lost, int deadLettered,
        int clocksDue, int firedOnce, int firedTwice, boolean statistics, Map<Integer, Long> statuses,
        List<String> violations) {

    boolean clean() {
        return lost == 0 && duplicates == 0 && firedTwice == 0 && firedOnce == clocksDue && statistics
                && violations.isEmpty();
    }
}
