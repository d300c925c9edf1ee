package se.medborgardialog.sla.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.sla.deadline.ClockEntry;
import se.medborgardialog.sla.deadline.ClockTerms;
import se.medborgardialog.sla.deadline.Deadline;
import se.medborgardialog.sla.deadline.DeadlineStatus;

class DueIndexTests {

    private static final Instant T = Instant.parse("2026-11-25T22:59:59.999Z");

    private static final ClockTerms EIGHT_HOURS = new ClockTerms("snorojning", 1, "Snöröjning", GuaranteeType.TJANSTEGARANTI,
            "PT8H", Set.of(), Set.of(), Set.of(), List.of(), List.of(), null);

    private final DueIndex index = new DueIndex();

    /** The entry of a running clock in hours named {@code name}, due at {@code dueAt}. */
    private static ClockEntry entry(String name, Instant dueAt) {
        String caseId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        return ClockEntry.of(new Deadline(caseId + ":snow", caseId, "stadsmiljo", "snow", 0,
                dueAt.minus(Duration.ofHours(8)), LocalDate.of(2026, 11, 25), dueAt, DeadlineStatus.RUNNING, null, null,
                null, List.of(), null, EIGHT_HOURS, List.of(), List.of(), List.of(), 0));
    }

    private void put(String name, Instant dueAt) {
        index.put(entry(name, dueAt));
    }

    private static String idOf(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + ":snow";
    }

    @Test
    void takesDueClocksEarliestFirst() {
        put("c", T.plusSeconds(2));
        put("a", T);
        put("b", T.plusSeconds(1));

        assertThat(index.head()).isEqualTo(T);
        assertThat(index.takeDue(T.plusSeconds(10), 10)).extracting(ClockEntry::id).containsExactly(idOf("a"), idOf("b"), idOf("c"));
        assertThat(index.size()).isZero();
        assertThat(index.head()).isNull();
    }

    @Test
    void aClockIsDueOnlyOnceTheTimeIsAfterItsMillisecond() {
        put("a", T);

        assertThat(index.takeDue(T, 10)).isEmpty();
        assertThat(index.takeDue(T.plusNanos(999_999), 10)).isEmpty();
        assertThat(index.takeDue(T.plusMillis(1), 10)).extracting(ClockEntry::id).containsExactly(idOf("a"));
    }

    @Test
    void aNewTimeReplacesTheClocksEntry() {
        put("a", T);
        put("a", T.plusSeconds(60));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.head()).isEqualTo(T.plusSeconds(60));
        assertThat(index.takeDue(T.plusSeconds(1), 10)).isEmpty();
        assertThat(index.takeDue(T.plusSeconds(61), 10)).extracting(ClockEntry::fireAtMillis)
                .containsExactly(T.plusSeconds(60).toEpochMilli());
    }

    @Test
    void removingDropsTheEntry() {
        put("a", T);
        put("b", T);
        index.remove(idOf("a"));
        index.remove(idOf("b"));
        index.remove("never-indexed");

        assertThat(index.size()).isZero();
        assertThat(index.takeDue(T.plusSeconds(1), 10)).isEmpty();
    }

    @Test
    void takesAtMostABatchAndLeavesTheRestForTheNext() {
        for (int i = 0; i < 25; i++) {
            put("same-second-" + i, T);
        }
        put("later", T.plusSeconds(3600));

        assertThat(index.takeDue(T.plusSeconds(1), 10)).hasSize(10);
        assertThat(index.takeDue(T.plusSeconds(1), 10)).hasSize(10);
        assertThat(index.takeDue(T.plusSeconds(1), 10)).hasSize(5);
        assertThat(index.takeDue(T.plusSeconds(1), 10)).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void aFailedBatchGoesBackUnlessTheClockWasIndexedAnew() {
        put("a", T);
        put("b", T);
        var taken = index.takeDue(T.plusSeconds(1), 10);
        put("b", T.plusSeconds(3600));

        taken.forEach(index::putIfAbsent);

        assertThat(index.takeDue(T.plusSeconds(1), 10)).extracting(ClockEntry::id).containsExactly(idOf("a"));
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
