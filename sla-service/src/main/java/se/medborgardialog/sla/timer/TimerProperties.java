package se.medborgardialog.sla.timer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The timer that fires clocks at their due time.
 *
 * @param poll  the longest the firing thread waits before looking at the clock again (it also wakes when a clock
 *              is indexed); what a {@code MutableClock} moved by a test waits at most
 * @param batch the most clocks fired in one batch (one batch of events sent before any acknowledgement is awaited)
 * @param indexBuckets the bucket documents per partition of the durable copy of the due index ({@code clock_index});
 *                     a change makes the next load rebuild it from the deadlines
 * @param checkpointEvery how many handled records of a partition of the cases topic one write of its checkpoint
 *                        ({@code case_checkpoints}) covers: a crash replays at most that many more (every transition
 *                        is idempotent); 1 writes after every record
 */
@ConfigurationProperties("sla.timer")
public record TimerProperties(@DefaultValue("PT0.05S") Duration poll, @DefaultValue("10000") int batch,
                              @DefaultValue("256") int indexBuckets, @DefaultValue("32") int checkpointEvery) {

    public TimerProperties {
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("sla.timer.poll must be positive, was " + poll);
        }
        if (indexBuckets < 1) {
            throw new IllegalArgumentException("sla.timer.index-buckets must be at least 1, was " + indexBuckets);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("sla.timer.checkpoint-every must be at least 1, was " + checkpointEvery);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("sla.timer.batch must be at least 1, was " + batch);
        }
    }
}
