package se.medborgardialog.sla.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where deadlines live. Every method is one single-document operation: the store has no transactions. */
public interface DeadlineStore {

    /** Stores a new deadline; {@code false} when one with the same id exists (a duplicated event). */
    boolean insert(Deadline deadline);

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
}
