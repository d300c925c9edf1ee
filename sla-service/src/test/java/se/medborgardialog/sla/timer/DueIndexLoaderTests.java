package se.medborgardialog.sla.timer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgardialog.sla.deadline.ClockEntry;
import se.medborgardialog.sla.deadline.ClockTerms;
import se.medborgardialog.sla.deadline.Deadline;
import se.medborgardialog.sla.deadline.DeadlineStatus;
import se.medborgardialog.sla.deadline.GuaranteeTerms;
import se.medborgardialog.sla.deadline.InMemoryDeadlineStore;
import se.medborgardialog.sla.deadline.PendingFirings;
import se.medborgardialog.sla.guarantee.Catalogues;
import se.medborgardialog.sla.guarantee.InMemoryGuaranteeStore;
import se.medborgardialog.sla.guarantee.StoredGuarantee;
import se.medborgardialog.testsupport.InProcessMongo;

/**
 * The due index of assigned partitions loaded from its durable copy ({@code clock_index}) a page of buckets at a time,
 * on the embedded store through the real driver; rebuilt from the deadlines when the copy is not complete.
 */
class DueIndexLoaderTests {

    private static final int PARTITIONS = 3;
    /** More buckets than one page of the load reads (32), so a partition takes several pages. */
    private static final int BUCKETS = 100;
    private static final Instant T = Instant.parse("2026-11-25T08:00:00Z");

    private final String database = "due-index-" + UUID.randomUUID();
    private MongoClient client;
    private ClockIndexStore copy;
    private OwnedClocks owned;
    private InMemoryDeadlineStore deadlines;
    private GuaranteeTerms guarantees;
    private DurableClockIndex writer;
    private ClockTerms terms;
    private BiConsumer<String, String> duringLoad = (id, entry) -> { };

    @BeforeEach
    void store() {
        client = MongoClients.create(InProcessMongo.uri(database));
        MongoTemplate mongo = new MongoTemplate(client, database);
        InMemoryGuaranteeStore catalogue = new InMemoryGuaranteeStore();
        StoredGuarantee stored = StoredGuarantee.of(Catalogues.guarantee("snorojning", "snow", "PT8H"), 1, T, "ada");
        catalogue.insert(stored);
        guarantees = new GuaranteeTerms(catalogue);
        terms = ClockTerms.of(stored.guarantee());
        copy = new ClockIndexStore(mongo) {
            @Override
            void load(int partitions, int partition, int buckets, BiConsumer<String, String> entries) {
                super.load(partitions, partition, buckets, (id, entry) -> {
                    duringLoad.accept(id, entry);
                    entries.accept(id, entry);
                });
            }
        };
        owned = new OwnedClocks(new SimpleMeterRegistry());
        owned.partitionCount(PARTITIONS);
        deadlines = new InMemoryDeadlineStore();
        TimerProperties properties = new TimerProperties(Duration.ofMillis(50), 10_000, BUCKETS, 1);
        writer = new DurableClockIndex(copy, owned, guarantees, properties);
    }

    @AfterEach
    void close() {
        client.getDatabase(database).drop();
        client.close();
    }

    private DueIndexLoader loader() {
        return new DueIndexLoader(owned, deadlines, new PendingFirings(deadlines), copy, guarantees,
                new TimerProperties(Duration.ofMillis(50), 10_000, BUCKETS, 1));
    }

    /** A running clock in hours of case {@code n}, due {@code n} seconds after T, at {@code version}. */
    private Deadline clock(int n, Instant dueAt, long version) {
        String caseId = UUID.nameUUIDFromBytes(("case " + n).getBytes(StandardCharsets.UTF_8)).toString();
        return new Deadline(caseId + ":snow", caseId, "stadsmiljo", "snow", 0, dueAt.minus(Duration.ofHours(8)),
                LocalDate.of(2026, 11, 25), dueAt, DeadlineStatus.RUNNING, null, null, null, List.of(), null, terms,
                List.of(), List.of(), List.of(), version);
    }

    private static Map<Integer, Long> all() {
        Map<Integer, Long> partitions = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.put(p, null);
        }
        return partitions;
    }

    /** Every indexed clock, taken one due time at a time: the ids in the order they fall due. */
    private List<String> takeAllInDueOrder(List<Instant> dueTimes) {
        List<String> taken = new ArrayList<>();
        for (Instant due : dueTimes.stream().sorted().distinct().toList()) {
            owned.takeDue(due.plusMillis(1), Integer.MAX_VALUE).forEach(e -> taken.add(e.id()));
        }
        return taken;
    }

    @Test
    void partitionsWithMoreClocksThanOnePageLoadEveryClockOnceInDueOrder() {
        List<Deadline> clocks = new ArrayList<>();
        for (int n = 0; n < 600; n++) {
            // Due times out of creation order, so the order must come from the index, not the copy.
            clocks.add(clock(n, T.plusSeconds((n * 7919L) % 600), 0));
        }
        for (int p = 0; p < PARTITIONS; p++) {
            copy.markComplete(PARTITIONS, p, BUCKETS);
        }
        writer.written(clocks);
        Set<String> loadedIds = new HashSet<>();
        duringLoad = (id, entry) -> assertThat(loadedIds.add(id)).as("read once: %s", id).isTrue();

        loader().load(all());

        assertThat(owned.size()).isEqualTo(600);
        List<String> inOrder = clocks.stream().sorted(java.util.Comparator.comparing(Deadline::dueAt)).map(Deadline::id).toList();
        assertThat(takeAllInDueOrder(clocks.stream().map(Deadline::dueAt).toList())).containsExactlyElementsOf(inOrder);
        // The buckets were read in pages: several per partition.
        assertThat(copy.all()).hasSizeGreaterThan(PARTITIONS * 32);
    }

    @Test
    void aClockChangedOrStoppedDuringTheLoadIsIndexedAsItWasLastWritten() {
        Deadline moved = clock(1, T.plusSeconds(10), 0);
        Deadline stopped = clock(2, T.plusSeconds(20), 0);
        Deadline kept = clock(3, T.plusSeconds(30), 0);
        for (int p = 0; p < PARTITIONS; p++) {
            copy.markComplete(PARTITIONS, p, BUCKETS);
        }
        writer.written(List.of(moved, stopped, kept));
        Deadline movedLater = clock(1, T.plusSeconds(40), 3);
        Deadline stoppedNow = new Deadline(stopped.id(), stopped.caseId(), stopped.unit(), stopped.clock(), 0,
                stopped.receivedAt(), stopped.dueDate(), stopped.dueAt(), DeadlineStatus.MET, T, null, null, List.of(),
                null, terms, List.of(), List.of(), List.of(), 1);
        // Another thread writes both while the first page is being read (before or after each was read).
        duringLoad = (id, entry) -> {
            duringLoad = (i, e) -> { };
            owned.scheduled(movedLater);
            owned.scheduled(stoppedNow);
        };

        loader().load(all());

        assertThat(owned.size()).isEqualTo(2);
        List<ClockEntry> due = owned.takeDue(T.plusSeconds(60), 10);
        assertThat(due).extracting(ClockEntry::id).containsExactlyInAnyOrder(kept.id(), moved.id());
        ClockEntry movedEntry = due.stream().filter(e -> e.id().equals(moved.id())).findFirst().orElseThrow();
        assertThat(movedEntry.version()).isEqualTo(3);
        assertThat(movedEntry.dueAtMillis()).isEqualTo(T.plusSeconds(40).toEpochMilli());
    }

    @Test
    void withoutACompleteCopyTheDeadlinesAreReadOnceAndTheCopyRebuiltForTheNextLoad() {
        List<Deadline> clocks = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            Deadline clock = clock(n, T.plusSeconds(n), 0);
            deadlines.insert(clock);
            clocks.add(clock);
        }

        loader().load(all());
        assertThat(owned.size()).isEqualTo(50);
        for (int p = 0; p < PARTITIONS; p++) {
            assertThat(copy.complete(PARTITIONS, p, BUCKETS)).isTrue();
        }

        // The next owner loads the copy alone: the deadlines are not read (here: gone).
        InMemoryDeadlineStore empty = new InMemoryDeadlineStore();
        OwnedClocks next = new OwnedClocks(new SimpleMeterRegistry());
        next.partitionCount(PARTITIONS);
        new DueIndexLoader(next, empty, new PendingFirings(empty), copy, guarantees,
                new TimerProperties(Duration.ofMillis(50), 10_000, BUCKETS, 1)).load(all());
        assertThat(next.takeDue(T.plusSeconds(60), 100)).extracting(ClockEntry::id)
                .containsExactlyInAnyOrderElementsOf(clocks.stream().map(Deadline::id).toList());
        // A different bucket count is not the same copy: rebuilt from the deadlines again.
        assertThat(copy.complete(PARTITIONS, 0, BUCKETS + 1)).isFalse();
    }

    @Test
    void entriesKeepWhatFiringNeedsAndTermsThatAreNotAStoredVersionAreReadFromTheDeadline() {
        Deadline stored = clock(1, T.plusSeconds(5), 2);
        ClockTerms changed = new ClockTerms(terms.guaranteeId(), terms.guaranteeVersion(), "Ändrad titel", terms.type(),
                terms.duration(), terms.stopOn(), terms.pauseOn(), terms.resumeOn(), terms.warnings(),
                terms.suspensions(), terms.compensation());
        Deadline own = new Deadline(clock(2, T.plusSeconds(6), 0).id(), clock(2, T, 0).caseId(), "stadsmiljo", "snow", 0,
                T.minus(Duration.ofHours(8)), LocalDate.of(2026, 11, 25), T.plusSeconds(6), DeadlineStatus.RUNNING, null,
                null, null, List.of(), null, changed, List.of(), List.of(), List.of(), 0);
        deadlines.insert(own);
        for (int p = 0; p < PARTITIONS; p++) {
            copy.markComplete(PARTITIONS, p, BUCKETS);
        }
        writer.written(List.of(stored, own));

        loader().load(all());

        List<ClockEntry> due = new ArrayList<>(owned.takeDue(T.plusSeconds(60), 10));
        due.sort(java.util.Comparator.comparingLong(ClockEntry::fireAtMillis));
        assertThat(due).extracting(ClockEntry::id).containsExactly(stored.id(), own.id());
        assertThat(due.get(0).toStored(guarantees)).isEqualTo(ClockEntry.of(stored).toStored(guarantees));
        assertThat(due.get(0).version()).isEqualTo(2);
        assertThat(due.get(1).toString()).isEqualTo(ClockEntry.of(own).toString());
        assertThat(ClockEntry.of(own).toStored(guarantees)).as("not a stored version").isNull();
    }
}
