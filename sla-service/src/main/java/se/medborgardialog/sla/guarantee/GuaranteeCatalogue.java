package se.medborgardialog.sla.guarantee;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import se.medborgardialog.contracts.CaseType;

/**
 * The catalogue of guarantees: which promises cover a case and start a clock on a trigger, and the administrator's
 * changes. Every change is a new version (one document per id and version); a running clock keeps the version it
 * started with, so a change applies to clocks started after it.
 *
 * <p>The current versions are kept in memory: reloaded after this instance's own changes at once. Another instance's
 * change reaches this one within {@link #REFRESH}: every change is counted in one id-keyed document, and this instance
 * reads that count (one look-up by id) at most every {@link #REFRESH} and reloads the catalogue only when it moved, or
 * when the copy is {@link #RELOAD} old (a change whose count was lost in a crash, or made in the store by hand).
 * Reading the whole catalogue every few seconds on the case-events consumer's thread was a collection read each time.
 */
@Service
public class GuaranteeCatalogue implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(GuaranteeCatalogue.class);
    static final Duration REFRESH = Duration.ofSeconds(5);
    static final Duration RELOAD = Duration.ofMinutes(10);
    public static final String CONFIGURATION = "konfiguration";

    private final GuaranteeStore store;
    private final GuaranteeProperties properties;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(Map<String, StoredGuarantee> current, List<Guarantee> guarantees, long changes,
            Instant loadedAt, Instant checkedAt) {

        boolean due(Instant start, Duration age, Instant now) {
            return start.plus(age).isBefore(now) || start.isAfter(now);
        }

        Snapshot checked(Instant now) {
            return new Snapshot(current, guarantees, changes, loadedAt, now);
        }
    }

    public GuaranteeCatalogue(GuaranteeStore store, GuaranteeProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** The configured defaults become version 1 of every id not stored yet; before any case event is consumed. */
    @Override
    public void afterPropertiesSet() {
        int added = 0;
        for (GuaranteeDefinition definition : properties.guarantees()) {
            if (store.insert(StoredGuarantee.of(definition, 1, clock.instant(), CONFIGURATION))) {
                added++;
            }
        }
        if (added > 0) {
            store.countChange();
        }
        log.info("Guarantee catalogue: {} configured, {} stored as new", properties.guarantees().size(), added);
        snapshot = null;
    }

    /** The active guarantees whose clock starts on {@code trigger} for a case with these facts, at their current version. */
    public List<Guarantee> startingOn(Trigger trigger, CaseFacts facts) {
        return snapshot().guarantees().stream().filter(g -> g.startsOn(trigger, facts)).toList();
    }

    /**
     * The synpunkt's first-answer promise in working days, the calendar API's default: the active {@code first-answer}
     * guarantee covering synpunkter, counted in working days; 2 when there is none.
     */
    public int synpunktFirstAnswerWorkingDays() {
        return snapshot().guarantees().stream()
                .filter(g -> g.active() && "first-answer".equals(g.clock())
                        && (g.covers().caseTypes().isEmpty() || g.covers().caseTypes().contains(CaseType.SYNPUNKT))
                        && g.duration().kind() == ClockDuration.Kind.WORKING_DAYS)
                .mapToInt(g -> g.duration().workingDays()).findFirst().orElse(2);
    }

    /** The current version of every guarantee, withdrawn ones included, by id. */
    public List<StoredGuarantee> current() {
        return List.copyOf(snapshot().current().values());
    }

    private Snapshot snapshot() {
        Snapshot loaded = snapshot;
        Instant now = clock.instant();
        if (loaded == null || loaded.due(loaded.loadedAt(), RELOAD, now)) {
            return load();
        }
        if (loaded.due(loaded.checkedAt(), REFRESH, now)) {
            if (store.changes() != loaded.changes()) {
                return load();
            }
            loaded = loaded.checked(now);
            snapshot = loaded;
        }
        return loaded;
    }

    private Snapshot load() {
        long changes = store.changes();
        Map<String, StoredGuarantee> latest = new LinkedHashMap<>();
        store.findAll().stream()
                .sorted(Comparator.comparing(StoredGuarantee::guaranteeId).thenComparing(StoredGuarantee::version))
                .forEach(g -> latest.put(g.guaranteeId(), g));
        List<Guarantee> guarantees = new java.util.ArrayList<>();
        for (StoredGuarantee stored : latest.values()) {
            try {
                guarantees.add(stored.guarantee());
            } catch (RuntimeException e) {
                log.error("Guarantee {} version {} is stored but invalid, it starts no clocks: {}", stored.guaranteeId(),
                        stored.version(), e.getMessage());
            }
        }
        Instant now = clock.instant();
        Snapshot loaded = new Snapshot(latest, List.copyOf(guarantees), changes, now, now);
        snapshot = loaded;
        return loaded;
    }

    public Optional<StoredGuarantee> current(String id) {
        List<StoredGuarantee> versions = versions(id);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** Every version of one guarantee, oldest first: by unique key, version 1 and on until one is missing. */
    public List<StoredGuarantee> versions(String id) {
        List<StoredGuarantee> versions = new java.util.ArrayList<>();
        for (int version = 1; ; version++) {
            Optional<StoredGuarantee> found = store.find(id, version);
            if (found.isEmpty()) {
                return versions;
            }
            versions.add(found.get());
        }
    }

    /**
     * A new guarantee, as version 1.
     *
     * @throws GuaranteeDefinition.InvalidGuaranteeException naming the fields
     * @throws ConflictException when the id exists
     */
    public StoredGuarantee create(GuaranteeDefinition definition, String by) {
        definition.toGuarantee(1);
        StoredGuarantee stored = StoredGuarantee.of(definition, 1, clock.instant(), by);
        if (!store.insert(stored)) {
            throw new ConflictException("Garantin " + definition.id() + " finns redan: ändra den med PUT.");
        }
        store.countChange();
        log.info("Guarantee {} version 1 added by {}", definition.id(), by);
        snapshot = null;
        return stored;
    }

    /**
     * A new version of {@code id}, based on {@code basedOn}, the version the administrator read.
     *
     * @throws NotFoundException when there is no such guarantee
     * @throws ConflictException when {@code basedOn} is not the current version (somebody changed it meanwhile)
     */
    public StoredGuarantee change(String id, GuaranteeDefinition definition, int basedOn, String by) {
        StoredGuarantee current = current(id).orElseThrow(() -> new NotFoundException(id));
        definition = definition.withId(id);
        definition.toGuarantee(current.version() + 1);
        if (current.version() != basedOn) {
            throw new ConflictException("Garantin " + id + " har ändrats sedan version " + basedOn + ": nu version "
                    + current.version() + ". Läs om den och försök igen.");
        }
        StoredGuarantee next = StoredGuarantee.of(definition, basedOn + 1, clock.instant(), by);
        if (!store.insert(next)) {
            throw new ConflictException("Garantin " + id + " ändrades samtidigt av någon annan. Läs om den och försök igen.");
        }
        store.countChange();
        log.info("Guarantee {} version {} recorded by {} (active {})", id, next.version(), by, next.guarantee().active());
        snapshot = null;
        return next;
    }

    /** Withdraws a guarantee: a new version with {@code active=false}; the current one if already withdrawn. */
    public StoredGuarantee withdraw(String id, Integer basedOn, String by) {
        StoredGuarantee current = current(id).orElseThrow(() -> new NotFoundException(id));
        if (Boolean.FALSE.equals(current.definition().active())) {
            return current;
        }
        return change(id, current.definition().withActive(false), basedOn == null ? current.version() : basedOn, by);
    }

    public static class NotFoundException extends RuntimeException {
        public NotFoundException(String id) {
            super("Garantin " + id + " finns inte.");
        }
    }

    public static class ConflictException extends RuntimeException {
        public ConflictException(String message) {
            super(message);
        }
    }
}
