package se.medborgardialog.reporting.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * What one fact counts in the daily aggregates: cell → counter → value, every figure on the Europe/Stockholm date of
 * the event's own time (received on the receipt date, answered on the answer date, a breach on the day the promise ran
 * out, ...). A pure function of the fact and the configuration, so the aggregates are exactly the sum of it over all
 * facts — which is what the reconciliation recomputes. The change of a fact's contributions between two revisions is
 * the only thing ever added to the aggregates, so a duplicate (no change) adds nothing.
 */
public final class Contributions {

    public static final String RECEIVED = "received";
    public static final String ANSWERED = "answered";
    public static final String ANSWERED_IN_TIME = "answeredWithinDeadline";
    public static final String CLOSED = "closed";
    public static final String REOPENED = "reopened";
    /** {@code fa_wd:<n>}: first answers given n working days after the receipt date (0 = the same day). */
    public static final String WORKING_DAYS = "fa_wd:";
    /** {@code fa_h:<n>}: first answers given between n and n+1 hours after receipt. */
    public static final String HOURS = "fa_h:";
    /** {@code g:<type>:<guarantee>:met|breached|compensated} (type empty for a clock from before the catalogue). */
    public static final String GUARANTEE = "g:";
    /** {@code av:<legal flow>:reported|serious|notSerious|ivo}. */
    public static final String AVVIKELSE = "av:";
    public static final String EF_SUBMITTED = "ef:submitted";
    public static final String EF_PUBLISHED = "ef:published";
    public static final String EF_THRESHOLD = "ef:thresholdReached";
    public static final String EF_ANSWERED = "ef:answered";
    public static final String EF_SIGNATURES = "ef:signatures";

    private final Map<String, String> namnder;
    private final SwedishCalendar calendar;
    private final Set<String> answerClocks;

    public Contributions(Map<String, String> namnder, SwedishCalendar calendar, Set<String> answerClocks) {
        this.namnder = Map.copyOf(namnder);
        this.calendar = calendar;
        this.answerClocks = Set.copyOf(answerClocks);
    }

    public String namndOf(String unit) {
        return unit == null ? null : namnder.get(unit);
    }

    public Map<String, Map<String, Long>> of(CaseFact fact) {
        Map<String, Map<String, Long>> cells = new TreeMap<>();
        if (fact.caseType() == null) {
            return cells; // a deadline or answer that overtook its case: counted once the case is known
        }
        Cell cell = new Cell(fact.caseType().name(), fact.kind() == null ? null : fact.kind().name(),
                fact.category(), fact.unit(), namndOf(fact.unit()),
                fact.channel() == null ? null : fact.channel().name());
        if (fact.receivedAt() != null) {
            add(cells, cell, fact.receivedAt(), RECEIVED, 1);
            if (fact.caseType() == CaseType.AVVIKELSE && fact.legalFlow() != null) {
                add(cells, cell, fact.receivedAt(), AVVIKELSE + fact.legalFlow() + ":reported", 1);
            }
            if (fact.answeredAt() != null) {
                Instant answered = fact.answeredAt();
                add(cells, cell, answered, ANSWERED, 1);
                if (answeredInTime(fact)) {
                    add(cells, cell, answered, ANSWERED_IN_TIME, 1);
                }
                add(cells, cell, answered, WORKING_DAYS + workingDaysBetween(fact.receivedAt(), answered), 1);
                long hours = Math.max(0, Duration.between(fact.receivedAt(), answered).toHours());
                add(cells, cell, answered, HOURS + hours, 1);
                if (fact.caseType() == CaseType.E_FORSLAG) {
                    add(cells, cell, answered, EF_ANSWERED, 1);
                }
            }
            fact.closings().forEach(closed -> add(cells, cell, closed, CLOSED, 1));
            reopeningsOfClosedCase(fact.closings(), fact.reopenings())
                    .forEach(reopened -> add(cells, cell, reopened, REOPENED, 1));
            fact.clocks().values().forEach(clock -> {
                String guarantee = GUARANTEE + (clock.guaranteeType() == null ? "" : clock.guaranteeType().name()) + ":"
                        + safe(clock.guaranteeId()).replace(':', '_') + ":";
                if (clock.outcome() == DeadlineOutcome.MET && clock.metAt() != null) {
                    add(cells, cell, clock.metAt(), guarantee + "met", 1);
                } else if (clock.outcome() == DeadlineOutcome.BREACHED && clock.breachedAt() != null) {
                    add(cells, cell, clock.breachedAt(), guarantee + "breached", 1);
                    if (clock.compensated()) {
                        add(cells, cell, clock.breachedAt(), guarantee + "compensated", 1);
                    }
                }
            });
            LegalFlow flow = fact.legalFlow();
            if (flow != null && fact.decidedAt() != null && fact.serious() != null) {
                add(cells, cell, fact.decidedAt(), AVVIKELSE + flow + (fact.serious() ? ":serious" : ":notSerious"), 1);
            }
            if (flow != null && fact.ivoReportedAt() != null) {
                add(cells, cell, fact.ivoReportedAt(), AVVIKELSE + flow + ":ivo", 1);
            }
        }
        if (fact.submittedAt() != null) {
            add(cells, cell, fact.submittedAt(), EF_SUBMITTED, 1);
        }
        if (fact.publishedAt() != null) {
            add(cells, cell, fact.publishedAt(), EF_PUBLISHED, 1);
        }
        if (fact.thresholdReachedAt() != null) {
            add(cells, cell, fact.thresholdReachedAt(), EF_THRESHOLD, 1);
        }
        if (fact.signatures() != null && fact.signatures() > 0 && fact.signaturesCountedAt() != null) {
            add(cells, cell, fact.signaturesCountedAt(), EF_SIGNATURES, fact.signatures());
        }
        return cells;
    }

    /** Answered, and the answer clock ended met with the answer at or before its due time. */
    private boolean answeredInTime(CaseFact fact) {
        return fact.clocks().entrySet().stream()
                .filter(clock -> answerClocks.contains(clock.getKey()))
                .map(Map.Entry::getValue)
                .anyMatch(clock -> clock.outcome() == DeadlineOutcome.MET
                        && (clock.dueAt() == null || !fact.answeredAt().isAfter(clock.dueAt())));
    }

    /** Working days strictly after the Stockholm receipt date up to and including the answer date. */
    int workingDaysBetween(Instant received, Instant answered) {
        LocalDate from = ReceiptDate.of(received);
        LocalDate to = ReceiptDate.of(answered);
        int days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                days++;
            }
        }
        return days;
    }

    /** The difference {@code after - before}, cell by cell, without zeros. */
    public static Map<String, Map<String, Long>> delta(Map<String, Map<String, Long>> before,
                                                       Map<String, Map<String, Long>> after) {
        Map<String, Map<String, Long>> delta = new TreeMap<>();
        after.forEach((cell, counters) -> counters.forEach((counter, value) ->
                delta.computeIfAbsent(cell, c -> new TreeMap<>()).merge(counter, value, Long::sum)));
        before.forEach((cell, counters) -> counters.forEach((counter, value) ->
                delta.computeIfAbsent(cell, c -> new TreeMap<>()).merge(counter, -value, Long::sum)));
        delta.values().forEach(counters -> counters.values().removeIf(value -> value == 0));
        delta.values().removeIf(Map::isEmpty);
        return delta;
    }

    private static void add(Map<String, Map<String, Long>> cells, Cell cell, Instant at, String counter, long value) {
        cells.computeIfAbsent(cell.id(ReceiptDate.of(at)), id -> new HashMap<>()).merge(counter, value, Long::sum);
    }

    /** Field names in the store may hold neither a dot nor a leading dollar. */
    static String safe(String value) {
        return value == null ? "" : value.replace('.', '_').replace('$', '_').replace('|', '_');
    }

    /** The dimensions of a daily cell; its id is {@code date|caseType|kind|category|unit|namnd|channel}. */
    public record Cell(String caseType, String kind, String category, String unit, String namnd, String channel) {

        public String id(LocalDate date) {
            return String.join("|", date.toString(), safe(caseType), safe(kind), safe(category), safe(unit),
                    safe(namnd), safe(channel));
        }
    }

    /**
     * The reopenings that opened a closed case again, in time order: only they bring a case back into the backlog
     * (received − closed + reopened). An answered case that was never closed is still in the backlog when an officer
     * opens it again, so that reopening does not count (it counted twice before). case-service's reconciliation
     * counting uses the same rule.
     */
    static List<Instant> reopeningsOfClosedCase(List<Instant> closings, List<Instant> reopenings) {
        List<Instant> closed = closings.stream().sorted().toList();
        List<Instant> counted = new ArrayList<>();
        int next = 0;
        boolean isClosed = false;
        for (Instant reopened : reopenings.stream().sorted().toList()) {
            while (next < closed.size() && !closed.get(next).isAfter(reopened)) {
                isClosed = true;
                next++;
            }
            if (isClosed) {
                counted.add(reopened);
                isClosed = false;
            }
        }
        return counted;
    }
}
