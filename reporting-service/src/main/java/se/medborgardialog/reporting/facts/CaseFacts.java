package se.medborgardialog.reporting.facts;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
