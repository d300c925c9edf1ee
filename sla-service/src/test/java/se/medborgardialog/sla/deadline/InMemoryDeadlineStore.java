package se.medborgardialog.sla.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The store's contract in memory, version guard included, for unit tests. */
class InMemoryDeadlineStore implements DeadlineStore {

    private final Map<String, Deadline> deadlines = new ConcurrentHashMap<>();

    @Override
    public boolean insert(Deadline deadline) {
        return deadlines.putIfAbsent(deadline.id(), deadline) == null;
    }

    @Override
    public Optional<Deadline> find(String id) {
        return Optional.ofNullable(deadlines.get(id));
    }

    @Override
    public synchronized boolean replace(Deadline current, Deadline next) {
        Deadline stored = deadlines.get(current.id());
        if (stored == null || stored.version() != current.version()) {
            return false;
        }
        deadlines.put(next.id(), next);
        return true;
    }

    @Override
    public synchronized void markPublished(String id, String eventId) {
        deadlines.computeIfPresent(id, (key, d) -> new Deadline(d.id(), d.caseId(), d.unit(), d.clock(), d.workingDays(),
                d.receivedAt(), d.dueDate(), d.dueAt(), d.status(), d.answeredAt(), d.breachedAt(), d.pausedAt(),
                d.pauses(), d.unitChangedAt(), d.terms(), d.warned(), d.reschedules(), d.pendingEvents().stream().filter(e -> !e.eventId().equals(eventId)).toList(), d.version() + 1));
    }

    @Override
    public List<Deadline> findRunningDueBefore(Instant instant, int limit) {
        return deadlines.values().stream()
                .filter(d -> d.status() == DeadlineStatus.RUNNING && d.dueAt().isBefore(instant))
                .sorted(Comparator.comparing(Deadline::dueAt)).limit(limit).toList();
    }

    @Override
    public List<Deadline> findWithEventsPendingSince(Instant before, int limit) {
        return deadlines.values().stream()
                .filter(d -> d.pendingEvents().stream().anyMatch(e -> e.occurredAt().isBefore(before)))
                .limit(limit).toList();
    }

    @Override
    public List<Deadline> findByCase(String caseId) {
        return new ArrayList<>(deadlines.values().stream().filter(d -> d.caseId().equals(caseId)).toList());
    }

    @Override
    public List<String> findOpenIds() {
        return deadlines.values().stream()
                .filter(d -> d.status() == DeadlineStatus.RUNNING || d.status() == DeadlineStatus.PAUSED)
                .map(Deadline::id).toList();
    }

    @Override
    public long countRunning() {
        return deadlines.values().stream().filter(d -> d.status() == DeadlineStatus.RUNNING).count();
    }
}
