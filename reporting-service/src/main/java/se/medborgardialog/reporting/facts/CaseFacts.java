package se.medborgardialog.reporting.facts;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.types.ObjectId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.reporting.aggregates.Generation;
import se.medborgardialog.reporting.aggregates.Generations;
import se.medborgardialog.reporting.aggregates.StatisticCells;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * Applies events to the case facts and, from each fact's transition, to the aggregates.
 *
 * <p>One change, three writes, each safe to repeat: (1) the new fact, its new contributions and the
 * <em>pending</em> delta in one compare-and-set on its revision (so of two concurrent writers one retries on the
 * other's result); (2) the delta into the cells, guarded by its token; (3) the pending delta cleared. A crash after (1)
 * leaves the pending delta in the fact, which the next event of that case (once the writer's lease ran out) or the
 * sweep at start-up finishes; the cells' token makes finishing it again after a crash harmless, and the lease keeps
 * two from finishing it at the same time. An event that changes nothing in the fact (a duplicate, or an
 * older forwarding) writes nothing at all.
 *
 * <p>A poll's changes ({@link #applyAll}) take the same three writes for all its facts at once: one {@code $in} read
 * of the facts, each fact's changes of the poll applied in their order in memory, the facts written in one bulk (each
 * still a compare-and-set on its revision: a fact another writer changed meanwhile is applied again one at a time),
 * the deltas into the cells in one bulk per collection, the pending deltas cleared in one bulk, the tokens removed in
 * one bulk per collection. A fact found pending (its writer is finishing it, or crashed) goes one at a time.
 */
@Component
public class CaseFacts {

    private static final Logger log = LoggerFactory.getLogger(CaseFacts.class);
    private static final int MAX_ATTEMPTS = 5_000;
    /**
     * How long the writer of a change has to finish it before another may take it over. The cells' token removal
     * makes two finishers at once unsafe (one could re-apply after the other removed the token); the lease prevents it.
     */
    private static final java.time.Duration LEASE = java.time.Duration.ofSeconds(30);
    /** How many times a poll's facts that another writer changed meanwhile are tried together again. */
    private static final int ROUNDS = 5;
    /** A fact written by a poll carries a new marker here: a replacement that lost its race is told by its absence. */
    private static final String WRITER = "writer";

    private final MongoTemplate mongo;
    private final Generations generations;
    private final StatisticCells cells;
    private final Contributions contributions;

    CaseFacts(MongoTemplate mongo, Generations generations, StatisticCells cells, Contributions contributions) {
        this.mongo = mongo;
        this.generations = generations;
        this.cells = cells;
        this.contributions = contributions;
    }

    /**
     * Real MongoDB uses this index for the old synpunkt query's date range (the in-process store ignores it).
     * Also finishes changes a crash left pending. Tolerated to fail, so a store that is late does not stop startup.
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        try {
            Generation active = generations.active();
            mongo.indexOps(active.facts()).createIndex(new Index().on("receivedDate", Sort.Direction.ASC));
            generations.writeTargets().forEach(this::finishPending);
        } catch (DataAccessException e) {
            log.warn("Could not prepare the case facts at start-up: {}", e.getMessage());
        }
    }

    public Optional<CaseFact> find(CaseId caseId) {
        return find(caseId.toString(), generations.active());
    }

    public Optional<CaseFact> find(String id, Generation generation) {
        return Optional.ofNullable(mongo.findById(id, CaseFact.class, generation.facts()));
    }

    /** Every fact of a generation, one at a time (the reconciliation). */
    public void forEach(Generation generation, Consumer<CaseFact> action) {
        mongo.stream(new Query(), CaseFact.class, generation.facts()).forEach(action);
    }

    /** Applies a transition to the fact in every generation being written; true if any fact changed. */
    boolean apply(String id, UnaryOperator<CaseFact> transition) {
        boolean changed = false;
        for (Generation generation : generations.writeTargets()) {
            changed |= apply(id, transition, generation);
        }
        return changed;
    }

    public boolean apply(String id, UnaryOperator<CaseFact> transition, Generation generation) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CaseFact current = mongo.findById(id, CaseFact.class, generation.facts());
            if (current != null && current.pending() != null) {
                if (!takeOver(current, generation)) {
                    pause(); // its writer is finishing it
                }
                continue;
            }
            CaseFact base = current != null ? current : CaseFact.empty(id);
            CaseFact next = transition.apply(base);
            if (current != null && next.sameCaseAs(current)) {
                return false;
            }
            Map<String, Map<String, Long>> counted = contributions.of(next);
            Map<String, Map<String, Long>> delta = Contributions.delta(base.contributed(), counted);
            long revision = base.revision() + 1;
            CaseFact.Pending pending = delta.isEmpty() ? null : new CaseFact.Pending(id + ":" + revision, delta,
                    System.currentTimeMillis() + LEASE.toMillis());
            CaseFact stored = next.recorded(revision, counted, pending);
            if (write(current, stored, generation)) {
                if (pending != null) {
                    finish(stored, generation);
                }
                return true;
            }
        }
        throw new IllegalStateException("Case fact " + id + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * How far {@link #applyAll} got: the changes before {@code applied} are applied; if it is short of the list,
     * {@code failure} is why the change at {@code applied} could not be.
     */
    public record Applied(int applied, RuntimeException failure) {
    }

    /**
     * Applies a poll's changes, each fact's in their order, to every generation being written. Stops at the first
     * change whose transition fails: the ones before it are applied, and it and the ones after it may be applied
     * again (they are idempotent). A failure of the store propagates.
     */
    public Applied applyAll(List<FactEvents.Change> changes) {
        Applied applied = new Applied(changes.size(), null);
        if (changes.isEmpty()) {
            return applied;
        }
        for (Generation generation : generations.writeTargets()) {
            Applied here = applyAll(changes.subList(0, applied.applied()), generation);
            if (here.failure() != null) {
                applied = here;
            }
        }
        return applied;
    }

    /** One fact's changes within a poll, applied in memory to what the store held. */
    private static final class Fold {
        final String id;
        final CaseFact stored;
        final List<UnaryOperator<CaseFact>> transitions = new ArrayList<>();
        CaseFact next;
        RuntimeException failure;
        int failedAt;

        Fold(CaseFact stored, String id) {
            this.id = id;
            this.stored = stored;
            this.next = stored != null ? stored : CaseFact.empty(id);
        }

        boolean alone() {
            return stored != null && stored.pending() != null;
        }

        UnaryOperator<CaseFact> all() {
            List<UnaryOperator<CaseFact>> each = List.copyOf(transitions);
            return fact -> {
                CaseFact result = fact;
                for (UnaryOperator<CaseFact> transition : each) {
                    result = transition.apply(result);
                }
                return result;
            };
        }
    }

    /** A fact as written by a poll, with the marker that tells this write from another writer's. */
    private record Written(String id, CaseFact stored, Document document, ObjectId marker, boolean inserted) {
    }

    Applied applyAll(List<FactEvents.Change> changes, Generation generation) {
        if (changes.isEmpty()) {
            return new Applied(0, null);
        }
        Set<String> ids = new LinkedHashSet<>();
        changes.forEach(change -> ids.add(change.factId()));
        Map<String, CaseFact> stored = read(ids, generation);
        int limit = changes.size();
        RuntimeException failure = null;
        Map<String, Fold> folds = fold(changes, limit, stored);
        for (Fold fold : folds.values()) {
            if (fold.failure != null && fold.failedAt < limit) {
                limit = fold.failedAt;
                failure = fold.failure;
            }
        }
        if (failure != null) {
            // the poll is applied up to the first change that failed
            folds = fold(changes, limit, stored);
        }
        for (int round = 1; !folds.isEmpty(); round++) {
            Set<String> again = applyRound(folds, generation, round < ROUNDS);
            if (again.isEmpty()) {
                break;
            }
            // the facts another writer changed or was finishing meanwhile, read and applied again together
            stored = read(again, generation);
            List<FactEvents.Change> theirs = changes.subList(0, limit).stream()
                    .filter(change -> again.contains(change.factId())).toList();
            folds = fold(theirs, theirs.size(), stored);
            for (Fold fold : folds.values()) {
                if (fold.failure != null) {
                    throw fold.failure; // applied before to the fact as it was: the poll is retried
                }
            }
        }
        return new Applied(limit, failure);
    }

    private Map<String, CaseFact> read(Set<String> ids, Generation generation) {
        Map<String, CaseFact> stored = new HashMap<>();
        mongo.find(Query.query(where("_id").in(ids)), CaseFact.class, generation.facts())
                .forEach(fact -> stored.put(fact.id(), fact));
        return stored;
    }

    /**
     * Writes the folded facts and their changes to the aggregates together. Returns the ids of the facts to try again
     * together: another writer changed them first, or is finishing a change of theirs. In the last round
     * ({@code together} false) they are applied one at a time instead, as is at once a fact whose change a crash left
     * pending.
     */
    private Set<String> applyRound(Map<String, Fold> folds, Generation generation, boolean together) {
        List<Written> written = new ArrayList<>();
        List<Fold> oneByOne = new ArrayList<>();
        Set<String> again = new LinkedHashSet<>();
        long now = System.currentTimeMillis();
        for (Fold fold : folds.values()) {
            if (fold.alone()) {
                if (together && fold.stored.pending().leaseUntil() > now) {
                    again.add(fold.id);
                } else {
                    oneByOne.add(fold);
                }
            } else if (fold.stored == null || !fold.next.sameCaseAs(fold.stored)) {
                written.add(written(fold.id, fold));
            }
        }
        for (Written lost : writeAll(written, generation)) {
            written.remove(lost);
            if (together) {
                again.add(lost.id());
            } else {
                oneByOne.add(folds.get(lost.id()));
            }
        }
        List<Written> pending = written.stream().filter(w -> w.stored().pending() != null).toList();
        if (!pending.isEmpty()) {
            List<StatisticCells.Tokened> tokened = pending.stream()
                    .map(w -> new StatisticCells.Tokened(w.stored().pending().token(), w.stored().pending().delta()))
                    .toList();
            cells.applyAll(tokened, generation);
            List<WriteModel<Document>> clear = new ArrayList<>(pending.size());
            pending.forEach(w -> clear.add(new UpdateOneModel<>(
                    new Document("_id", w.id()).append("pending.token", w.stored().pending().token()),
                    new Document("$unset", new Document("pending", "")))));
            mongo.getCollection(generation.facts()).bulkWrite(clear, new BulkWriteOptions().ordered(false));
            cells.releaseAll(tokened, generation);
        }
        for (Fold fold : oneByOne) {
            apply(fold.id, fold.all(), generation);
        }
        return again;
    }

    /** Applies each fact's changes before {@code limit} in memory; a fold stops at a transition that throws. */
    private static Map<String, Fold> fold(List<FactEvents.Change> changes, int limit, Map<String, CaseFact> stored) {
        Map<String, Fold> folds = new LinkedHashMap<>();
        for (int position = 0; position < limit; position++) {
            FactEvents.Change change = changes.get(position);
            Fold fold = folds.computeIfAbsent(change.factId(), id -> new Fold(stored.get(id), id));
            if (fold.failure != null) {
                continue;
            }
            try {
                fold.next = change.transition().apply(fold.next);
                fold.transitions.add(change.transition());
            } catch (RuntimeException failed) {
                fold.failure = failed;
                fold.failedAt = position;
            }
        }
        return folds;
    }

    private Written written(String id, Fold fold) {
        CaseFact base = fold.stored != null ? fold.stored : CaseFact.empty(id);
        Map<String, Map<String, Long>> counted = contributions.of(fold.next);
        Map<String, Map<String, Long>> delta = Contributions.delta(base.contributed(), counted);
        long revision = base.revision() + 1;
        CaseFact.Pending pending = delta.isEmpty() ? null : new CaseFact.Pending(id + ":" + revision, delta,
                System.currentTimeMillis() + LEASE.toMillis());
        CaseFact stored = fold.next.recorded(revision, counted, pending);
        Document document = new Document();
        mongo.getConverter().write(stored, document);
        ObjectId marker = new ObjectId();
        document.append(WRITER, marker);
        return new Written(id, stored, document, marker, fold.stored == null);
    }

    /**
     * Writes the facts in one bulk: new ones inserted, others replaced where their revision is still the one read.
     * Returns those another writer changed first (a duplicate key, or a replacement that matched nothing).
     */
    private List<Written> writeAll(List<Written> written, Generation generation) {
        if (written.isEmpty()) {
            return List.of();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(written.size());
        for (Written w : written) {
            writes.add(w.inserted() ? new InsertOneModel<>(w.document())
                    : new ReplaceOneModel<>(new Document("_id", w.id()).append("revision", w.stored().revision() - 1),
                    w.document()));
        }
        List<Written> lost = new ArrayList<>();
        BulkWriteResult result;
        try {
            result = mongo.getCollection(generation.facts()).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                lost.add(written.get(error.getIndex())); // another writer created it first
            }
            result = e.getWriteResult();
        }
        long replaced = written.stream().filter(w -> !w.inserted()).count();
        if (result.getMatchedCount() < replaced) {
            // which replacements matched nothing: those whose fact does not carry this write's marker
            List<String> replacedIds = written.stream().filter(w -> !w.inserted()).map(Written::id).toList();
            Map<String, Object> markers = new HashMap<>();
            mongo.getCollection(generation.facts()).find(new Document("_id", new Document("$in", replacedIds)))
                    .projection(new Document(WRITER, 1))
                    .forEach(document -> markers.put(document.getString("_id"), document.get(WRITER)));
            written.stream().filter(w -> !w.inserted() && !w.marker().equals(markers.get(w.id()))).forEach(lost::add);
        }
        return lost;
    }

    private boolean write(CaseFact current, CaseFact stored, Generation generation) {
        Document document = new Document();
        mongo.getConverter().write(stored, document);
        try {
            if (current == null) {
                mongo.getCollection(generation.facts()).insertOne(document);
                return true;
            }
            return mongo.getCollection(generation.facts()).replaceOne(
                    new Document("_id", current.id()).append("revision", current.revision()), document)
                    .getMatchedCount() == 1;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // another writer created it first
            }
            throw e;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Takes over a change whose writer's lease ran out (it crashed) and finishes it; false while the lease holds. */
    private boolean takeOver(CaseFact fact, Generation generation) {
        CaseFact.Pending pending = fact.pending();
        if (pending.leaseUntil() > System.currentTimeMillis()) {
            return false;
        }
        long until = System.currentTimeMillis() + LEASE.toMillis();
        boolean taken = mongo.updateFirst(Query.query(where("_id").is(fact.id()).and("pending.token").is(pending.token())
                        .and("pending.leaseUntil").is(pending.leaseUntil())),
                new Update().set("pending.leaseUntil", until), generation.facts()).getMatchedCount() == 1;
        if (taken) {
            log.info("Taking over the change {} to the aggregates left pending", pending.token());
            finish(fact, generation);
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a change to the aggregates was being finished", e);
        }
    }

    private void finish(CaseFact fact, Generation generation) {
        CaseFact.Pending pending = fact.pending();
        cells.apply(pending.token(), pending.delta(), generation);
        mongo.updateFirst(Query.query(where("_id").is(fact.id()).and("pending.token").is(pending.token())),
                new Update().unset("pending"), generation.facts());
        cells.release(pending.token(), pending.delta(), generation);
    }

    /** Scans for changes a crash left half-applied (rare; the scan is only at start-up). */
    void finishPending(Generation generation) {
        List<CaseFact> left = mongo.find(Query.query(where("pending").ne(null)), CaseFact.class, generation.facts());
        left.forEach(fact -> takeOver(fact, generation));
        if (!left.isEmpty()) {
            log.info("Finished {} changes to the aggregates left pending in {}", left.size(), generation.facts());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CountingConfiguration {

        @Bean
        Contributions contributions(CountingProperties counting, FactsProperties facts) {
            SwedishCalendar calendar = new SwedishCalendar(counting.calendar().closedDays().stream()
                    .map(day -> new SwedishCalendar.NonWorkingDay(day.date(), day.name())).toList());
            return new Contributions(counting.namnder(), calendar, new HashSet<>(facts.deadlineClocks()));
        }
    }
}
