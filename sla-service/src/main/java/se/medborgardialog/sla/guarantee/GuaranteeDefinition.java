package se.medborgardialog.sla.guarantee;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.GuaranteeType;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SynpunktKind;

/**
 * A guarantee as it is written: in {@code sla.guarantees} of the configuration, in the administrator API's requests
 * and answers, and in the {@code guarantees} collection. Everything is text or lists of text, so that a bad value is
 * reported by its field's name (see {@link #problems()}) instead of failing to bind. Missing trigger lists take
 * today's behaviour: start on {@code CASE_OPENED}, stop on {@code CASE_ANSWERED} and {@code CASE_CLOSED}, pause on
 * {@code CITIZEN_INFO_REQUESTED}, resume on {@code CITIZEN_INFO_RECEIVED}; an empty list means none. {@code active}
 * is true unless said otherwise.
 */
public record GuaranteeDefinition(
        String id,
        String municipality,
        String namnd,
        String title,
        String type,
        CoverageDefinition covers,
        String clock,
        String duration,
        List<String> startOn,
        List<String> stopOn,
        List<String> pauseOn,
        List<String> resumeOn,
        List<String> warnings,
        List<String> suspensions,
        CompensationDefinition compensation,
        Boolean active) {

    /** Sets of names; empty or missing = any. */
    public record CoverageDefinition(List<String> caseTypes, List<String> kinds, List<String> categories,
            List<String> units, List<String> legalFlows, List<String> channels) {
    }

    /** @param rule {@code FEE_FRACTION_PER_STARTED_WEEK} (with {@code fraction}) or {@code FIXED_CREDIT} (with {@code credit}) */
    public record CompensationDefinition(String text, String rule, Double fraction, String credit) {
    }

    /** One offending field, by its JSON name (e.g. {@code covers.caseTypes[1]}), and why, in Swedish. */
    public record Problem(String field, String message) {
    }

    /** The definition does not make a guarantee; nothing was stored. */
    public static class InvalidGuaranteeException extends RuntimeException {

        private final List<Problem> problems;

        public InvalidGuaranteeException(List<Problem> problems) {
            super("Invalid guarantee: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** The same definition with another {@code active} flag (a withdrawal is a new version with active=false). */
    public GuaranteeDefinition withActive(boolean nextActive) {
        return new GuaranteeDefinition(id, municipality, namnd, title, type, covers, clock, duration, startOn, stopOn,
                pauseOn, resumeOn, warnings, suspensions, compensation, nextActive);
    }

    /** The same definition under another id (the API's path names it). */
    public GuaranteeDefinition withId(String nextId) {
        return new GuaranteeDefinition(nextId, municipality, namnd, title, type, covers, clock, duration, startOn, stopOn,
                pauseOn, resumeOn, warnings, suspensions, compensation, active);
    }

    /** Everything wrong with it, in field order; empty when {@link #toGuarantee} succeeds. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        build(1, problems);
        return problems;
    }

    /** @throws InvalidGuaranteeException naming every offending field */
    public Guarantee toGuarantee(int version) {
        List<Problem> problems = new ArrayList<>();
        Guarantee guarantee = build(version, problems);
        if (!problems.isEmpty()) {
            throw new InvalidGuaranteeException(problems);
        }
        return guarantee;
    }

    private Guarantee build(int version, List<Problem> problems) {
        if (id == null || id.isBlank()) {
            problems.add(new Problem("id", "saknas: ange ett id med små bokstäver, siffror och bindestreck"));
        } else if (!Guarantee.SLUG.matcher(id).matches() || id.length() > 64) {
            problems.add(new Problem("id", "ogiltigt id '" + id + "': högst 64 tecken, små bokstäver a–z, siffror och bindestreck"));
        }
        text("municipality", municipality, 100, problems);
        text("namnd", namnd, 200, problems);
        text("title", title, 200, problems);
        GuaranteeType guaranteeType = null;
        if (type == null || type.isBlank()) {
            problems.add(new Problem("type", "saknas: ange TJANSTEGARANTI, LAGKRAV eller RIKTLINJE"));
        } else {
            guaranteeType = enumValue("type", type, GuaranteeType.class, problems);
        }
        Coverage coverage = coverage(problems);
        if (clock == null || clock.isBlank()) {
            problems.add(new Problem("clock", "saknas: ange klockans namn, t.ex. first-answer"));
        } else if (!Guarantee.SLUG.matcher(clock).matches() || clock.length() > 64) {
            problems.add(new Problem("clock", "ogiltigt namn '" + clock + "': små bokstäver a–z, siffror och bindestreck"));
        }
        ClockDuration clockDuration = null;
        try {
            clockDuration = ClockDuration.parse(duration);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("duration", e.getMessage()));
        }
        Set<Trigger> start = triggers("startOn", startOn, Trigger.DEFAULT_START, problems);
        Set<Trigger> stop = triggers("stopOn", stopOn, Trigger.DEFAULT_STOP, problems);
        Set<Trigger> pause = triggers("pauseOn", pauseOn, Trigger.DEFAULT_PAUSE, problems);
        Set<Trigger> resume = triggers("resumeOn", resumeOn, Trigger.DEFAULT_RESUME, problems);
        if (startOn != null && startOn.isEmpty()) {
            problems.add(new Problem("startOn", "klockan måste starta av någon händelse, t.ex. CASE_OPENED"));
        }
        if (stopOn != null && stopOn.isEmpty()) {
            problems.add(new Problem("stopOn", "klockan måste stoppas av någon händelse, t.ex. CASE_ANSWERED"));
        }
        if (pause.isEmpty() != resume.isEmpty()) {
            problems.add(new Problem(pause.isEmpty() ? "pauseOn" : "resumeOn",
                    "en klocka som pausas måste kunna återupptas, och tvärtom: ange både pauseOn och resumeOn eller ingen"));
        }
        List<WarningPoint> points = new ArrayList<>();
        List<String> written = warnings == null ? List.of() : warnings;
        for (int i = 0; i < written.size(); i++) {
            try {
                WarningPoint point = WarningPoint.parse(written.get(i));
                if (points.stream().anyMatch(p -> p.text().equals(point.text()))) {
                    problems.add(new Problem("warnings[" + i + "]", "varningspunkten " + point.text() + " finns redan"));
                } else {
                    points.add(point);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("warnings[" + i + "]", e.getMessage()));
            }
        }
        List<Suspension> periods = new ArrayList<>();
        List<String> writtenPeriods = suspensions == null ? List.of() : suspensions;
        for (int i = 0; i < writtenPeriods.size(); i++) {
            try {
                periods.add(Suspension.parse(writtenPeriods.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("suspensions[" + i + "]", e.getMessage()));
            }
        }
        Compensation comp = compensation(problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Guarantee(id, version, municipality.strip(), namnd.strip(), title.strip(), guaranteeType, coverage,
                clock, clockDuration, start, stop, pause, resume, points, periods, comp, active == null || active);
    }

    private Coverage coverage(List<Problem> problems) {
        if (covers == null) {
            return Coverage.ANY;
        }
        return new Coverage(
                enums("covers.caseTypes", covers.caseTypes(), CaseType.class, problems),
                enums("covers.kinds", covers.kinds(), SynpunktKind.class, problems),
                names("covers.categories", covers.categories(), problems),
                names("covers.units", covers.units(), problems),
                enums("covers.legalFlows", covers.legalFlows(), LegalFlow.class, problems),
                enums("covers.channels", covers.channels(), Channel.class, problems));
    }

    private Compensation compensation(List<Problem> problems) {
        if (compensation == null) {
            return null;
        }
        int before = problems.size();
        text("compensation.text", compensation.text(), 500, problems);
        Compensation.Rule rule = compensation.rule() == null || compensation.rule().isBlank() ? null
                : enumValue("compensation.rule", compensation.rule(), Compensation.Rule.class, problems);
        if (rule == Compensation.Rule.FEE_FRACTION_PER_STARTED_WEEK) {
            Double fraction = compensation.fraction();
            if (fraction == null || !(fraction > 0) || fraction > 1) {
                problems.add(new Problem("compensation.fraction",
                        "ange andelen av avgiften per påbörjad vecka, större än 0 och högst 1 (en femtedel: 0.2)"));
            }
        }
        if (rule == Compensation.Rule.FIXED_CREDIT) {
            text("compensation.credit", compensation.credit(), 200, problems);
        }
        return problems.size() > before ? null : new Compensation(compensation.text().strip(), rule,
                rule == Compensation.Rule.FEE_FRACTION_PER_STARTED_WEEK ? compensation.fraction() : null,
                rule == Compensation.Rule.FIXED_CREDIT ? compensation.credit().strip() : null);
    }

    private static void text(String field, String value, int max, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "saknas"));
        } else if (value.strip().length() > max) {
            problems.add(new Problem(field, "högst " + max + " tecken"));
        }
    }

    private static Set<Trigger> triggers(String field, List<String> written, Set<Trigger> defaults, List<Problem> problems) {
        return written == null ? defaults : enums(field, written, Trigger.class, problems);
    }

    private static <E extends Enum<E>> Set<E> enums(String field, List<String> written, Class<E> type,
                                                    List<Problem> problems) {
        Set<E> values = EnumSet.noneOf(type);
        if (written == null) {
            return values;
        }
        for (int i = 0; i < written.size(); i++) {
            E value = enumValue(field + "[" + i + "]", written.get(i), type, problems);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static <E extends Enum<E>> E enumValue(String field, String written, Class<E> type, List<Problem> problems) {
        Function<String, String> normal = s -> s.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (written != null && !written.isBlank()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(normal.apply(written))) {
                    return constant;
                }
            }
        }
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        problems.add(new Problem(field, "okänt värde '" + written + "': ett av " + String.join(", ", allowed)));
        return null;
    }

    private static Set<String> names(String field, List<String> written, List<Problem> problems) {
        Set<String> values = new LinkedHashSet<>();
        if (written == null) {
            return values;
        }
        for (int i = 0; i < written.size(); i++) {
            String value = written.get(i);
            if (value == null || value.isBlank()) {
                problems.add(new Problem(field + "[" + i + "]", "tomt värde"));
            } else {
                values.add(value.strip());
            }
        }
        return values;
    }
}
