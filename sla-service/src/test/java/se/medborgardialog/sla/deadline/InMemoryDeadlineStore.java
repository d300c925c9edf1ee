package se.medborgardialog.sla.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The store's contract in memory, version guard included, for unit tests. */
public class InMemoryDeadlineStore implements DeadlineStore {

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

    @Override
    public List<Deadline> findAll(Collection<String> ids) {
        return ids.stream().map(deadlines::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Set<String> replaceAll(List<Change> changes) {
        Set<String> written = new HashSet<>();
        changes.stream().filter(change -> replace(change.current(), change.next())).forEach(change -> written.add(change.next().id()));
        return written;
    }

    @Override
    public void markPublished(Map<String, List<String>> eventIdsByDeadline) {
        eventIdsByDeadline.forEach((id, eventIds) -> eventIds.forEach(eventId -> markPublished(id, eventId)));
    }

    @Override
    public void forEachRunning(Consumer<Deadline> action) {
        deadlines.values().stream().filter(d -> d.status() == DeadlineStatus.RUNNING).forEach(action);
    }

    private final Map<String, Firing> firings = new ConcurrentHashMap<>();

    @Override
    public void insertFirings(List<Firing> recorded) {
        recorded.forEach(firing -> firings.putIfAbsent(firing.eventId(), firing));
    }

    @Override
    public List<Firing> findFirings() {
        return List.copyOf(firings.values());
    }

    @Override
    public Optional<Firing> findFiring(String eventId) {
        return Optional.ofNullable(firings.get(eventId));
    }

    @Override
    public void deleteFirings(Collection<String> eventIds) {
        eventIds.forEach(firings::remove);
    }
}
