package se.medborgardialog.sla.guarantee;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import se.medborgardialog.contracts.GuaranteeRef;
import se.medborgardialog.contracts.GuaranteeType;

/**
 * One version of a promise of the catalogue (a tjänstegaranti, a legal deadline or a local rule): which cases it
 * covers, the clock it starts for each of them, what starts, pauses, resumes and stops that clock, when it warns, when
 * it does not count, and what a breach costs. Immutable; a change is a new version (see {@link GuaranteeCatalogue}).
 * Built and checked from its written form by {@link GuaranteeDefinition}, which names the offending field.
 *
 * @param id       a stable slug, e.g. {@code gatubelysning-3-veckor}
 * @param version  1 for the first version, one more for each change
 * @param clock    the clock's name, e.g. {@code first-answer}; a case has at most one clock of each name
 * @param warnings when a running clock warns, in the order written
 * @param compensation null when a breach owes nothing
 * @param active   false for a withdrawn guarantee: it starts no more clocks
 */
public record Guarantee(
        String id,
        int version,
        String municipality,
        String namnd,
        String title,
        GuaranteeType type,
        Coverage covers,
        String clock,
        ClockDuration duration,
        Set<Trigger> startOn,
        Set<Trigger> stopOn,
        Set<Trigger> pauseOn,
        Set<Trigger> resumeOn,
        List<WarningPoint> warnings,
        List<Suspension> suspensions,
        Compensation compensation,
        boolean active) {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Guarantee {
        Objects.requireNonNull(id, "id");
        if (!SLUG.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be a slug, was " + id);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(duration, "duration");
        covers = covers == null ? Coverage.ANY : covers;
        startOn = Set.copyOf(startOn);
        stopOn = Set.copyOf(stopOn);
        pauseOn = Set.copyOf(pauseOn);
        resumeOn = Set.copyOf(resumeOn);
        if (startOn.isEmpty()) {
            throw new IllegalArgumentException("startOn must name a trigger");
        }
        warnings = List.copyOf(warnings);
        suspensions = List.copyOf(suspensions);
    }

    public GuaranteeRef ref() {
        return new GuaranteeRef(id, version, title, type);
    }

    public boolean startsOn(Trigger trigger, CaseFacts facts) {
        return active && startOn.contains(trigger) && covers.matches(facts);
    }
}
