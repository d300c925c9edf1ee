package se.medborgardialog.sla.deadline;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Where deadlines live. Every method is one single-document operation: the store has no transactions. */
public interface DeadlineStore {

    /** Stores a new deadline; {@code false} when one with the same id exists (a duplicated event). */
    boolean insert(Deadline deadline);

    /**
     * {@link #insert} for many new deadlines at once (the clocks a poll of new cases starts).
     *
     * @return the ids stored now; a deadline whose id exists is left as it is
     */
    default Set<String> insertAll(List<Deadline> deadlines) {
        Set<String> stored = new LinkedHashSet<>();
        deadlines.stream().filter(this::insert).forEach(deadline -> stored.add(deadline.id()));
        return stored;
    }

    Optional<Deadline> find(String id);

    /** Replaces {@code current} by {@code next} only if nobody wrote it since {@code current} was read. */
    boolean replace(Deadline current, Deadline next);

    /** Removes a published event from the outbox (and bumps the version, so stale copies cannot restore it). */
    void markPublished(String id, String eventId);

    List<Deadline> findRunningDueBefore(Instant instant, int limit);

    List<Deadline> findWithEventsPendingSince(Instant before, int limit);

    List<Deadline> findByCase(String caseId);

    /** The ids of every running or paused clock (one pass over the collection: for rare work such as a calendar change). */
    List<String> findOpenIds();

    long countRunning();

    /** The deadlines with these ids (those that exist), in no particular order: one lookup by id each. */
    List<Deadline> findAll(Collection<String> ids);

    /**
     * Many {@link #replace}s at once, each only if nobody wrote that deadline since its {@code current} was read.
     *
     * @return the ids whose {@code next} is now stored
     */
    Set<String> replaceAll(List<Change> changes);

    /** {@link #markPublished(String, String)} for many deadlines at once: deadline id to its published event ids. */
    void markPublished(Map<String, List<String>> eventIdsByDeadline);

    /** Hands every running deadline to {@code action}, streaming (one pass over the store). */
    void forEachRunning(Consumer<Deadline> action);

    /**
     * Records what the timer published (one batched insert into {@code deadline_firings}, {@code _id} the event id); a
     * firing already recorded stays as it is.
     */
    void insertFirings(List<Firing> firings);

    /** Every firing record not yet folded into its deadline (one pass over a small collection). */
    List<Firing> findFirings();

    /** The firing record of this event, if there is one (a lookup by id). */
    Optional<Firing> findFiring(String eventId);

    /** The firings are folded into their deadlines: their records go. */
    void deleteFirings(Collection<String> eventIds);

    /** A conditional replacement: {@code next} replaces {@code current} if the stored version is still current's. */
    record Change(Deadline current, Deadline next) {
    }
}
