package se.medborgardialog.sla.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueIndexTests {

    private static final Instant T = Instant.parse("2026-11-25T22:59:59.999Z");

    private final DueIndex index = new DueIndex();

    @Test
    void takesDueClocksEarliestFirst() {
        index.put("c", T.plusSeconds(2));
        index.put("a", T);
        index.put("b", T.plusSeconds(1));

        assertThat(index.head()).isEqualTo(T);
        assertThat(index.takeDue(T.plusSeconds(10), 10)).extracting(DueIndex.Due::clockId).containsExactly("a", "b", "c");
        assertThat(index.size()).isZero();
        assertThat(index.head()).isNull();
    }

    @Test
    void aClockIsDueOnlyOnceTheTimeIsAfterItsMillisecond() {
        index.put("a", T);

        assertThat(index.takeDue(T, 10)).isEmpty();
        assertThat(index.takeDue(T.plusNanos(999_999), 10)).isEmpty();
        assertThat(index.takeDue(T.plusMillis(1), 10)).extracting(DueIndex.Due::clockId).containsExactly("a");
    }

    @Test
    void aNewTimeReplacesTheClocksEntry() {
        index.put("a", T);
        index.put("a", T.plusSeconds(60));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.head()).isEqualTo(T.plusSeconds(60));
        assertThat(index.takeDue(T.plusSeconds(1), 10)).isEmpty();
        assertThat(index.takeDue(T.plusSeconds(61), 10)).extracting(DueIndex.Due::fireAtMillis)
                .containsExactly(T.plusSeconds(60).toEpochMilli());
    }

    @Test
    void removingOrANullTimeDropsTheEntry() {
        index.put("a", T);
        index.put("b", T);
        index.remove("a");
        index.put("b", null);
        index.remove("never-indexed");

        assertThat(index.size()).isZero();
        assertThat(index.takeDue(T.plusSeconds(1), 10)).isEmpty();
    }

    @Test
    void takesAtMostABatchAndLeavesTheRestForTheNext() {
        for (int i = 0; i < 25; i++) {
            index.put("same-second-" + i, T);
        }
        index.put("later", T.plusSeconds(3600));

        assertThat(index.takeDue(T.plusSeconds(1), 10)).hasSize(10);
        assertThat(index.takeDue(T.plusSeconds(1), 10)).hasSize(10);
        assertThat(index.takeDue(T.plusSeconds(1), 10)).hasSize(5);
        assertThat(index.takeDue(T.plusSeconds(1), 10)).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void aFailedBatchGoesBackUnlessTheClockWasIndexedAnew() {
        index.put("a", T);
        index.put("b", T);
        var taken = index.takeDue(T.plusSeconds(1), 10);
        index.put("b", T.plusSeconds(3600));

        taken.forEach(due -> index.putIfAbsent(due.clockId(), due.fireAtMillis()));

        assertThat(index.takeDue(T.plusSeconds(1), 10)).extracting(DueIndex.Due::clockId).containsExactly("a");
        assertThat(index.head()).isEqualTo(T.plusSeconds(3600));
    }

    @Test
    void partitionsCasesAsKafkasDefaultPartitioner() {
        // Utils.murmur2 of the key bytes, as the producer's default partitioner does for a keyed record.
        int partition = CasePartitioner.partitionOf("3f2b8c1e-0000-4000-8000-000000000001", 4);
        assertThat(partition).isBetween(0, 3);
        assertThat(CasePartitioner.partitionOf("3f2b8c1e-0000-4000-8000-000000000001", 4)).isEqualTo(partition);
    }
}
