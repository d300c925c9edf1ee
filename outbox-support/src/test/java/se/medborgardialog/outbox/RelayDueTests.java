package se.medborgardialog.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.medborgardialog.testsupport.MutableClock;

/** The relay scans the store only with a reason: after start, after a failed send, after a full batch, each sweep. */
class RelayDueTests {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    /** Asked every 5 s, sweeping every minute: 12 asks. */
    private final RelayDue due = new RelayDue(clock, GRACE, Duration.ofSeconds(5), Duration.ofMinutes(1));

    private int scansIn(int asks) {
        int scans = 0;
        for (int i = 0; i < asks; i++) {
            clock.advance(Duration.ofSeconds(5));
            if (due.take()) {
                scans++;
            }
        }
        return scans;
    }

    @Test
    void scansOnceWhatACrashLeftIsPastItsGraceAndThenOncePerSweep() {
        assertThat(due.take()).as("at start, before the grace").isFalse();
        clock.advance(GRACE);
        assertThat(due.take()).as("start + grace").isTrue();

        assertThat(scansIn(11)).isZero();
        assertThat(scansIn(1)).as("the sweep").isEqualTo(1);
        assertThat(scansIn(12 * 10)).isEqualTo(10);
    }

    @Test
    void aFailedSendIsScannedForOnceItIsPastItsGrace() {
        clock.advance(GRACE);
        assertThat(due.take()).isTrue();

        due.leftPending();
        assertThat(due.take()).as("before the grace").isFalse();
        clock.advance(GRACE);
        assertThat(due.take()).isTrue();
        assertThat(due.take()).as("the reason is used up").isFalse();
    }

    @Test
    void aFailureDuringAScanIsNotForgottenAndAFullBatchScansAgainAtOnce() {
        clock.advance(GRACE);
        assertThat(due.take()).isTrue();
        due.leftPending();
        due.more();
        assertThat(due.take()).as("a full batch").isTrue();
        assertThat(due.take()).as("the failure is not past its grace yet").isFalse();
        clock.advance(GRACE);
        assertThat(due.take()).as("the failure, past its grace").isTrue();
        assertThat(due.take()).isFalse();
    }
}
