package se.medborgardialog.cases.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import se.medborgardialog.cases.casework.Answer;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.contracts.CaseCountsReported;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.CountGranularity;
import se.medborgardialog.contracts.SynpunktKind;

/**
 * Counts cases by the rules reporting-service documents for its aggregates, so the two can be compared cell by cell:
 * a case counts in the unit that has it now, with its case type, kind, category and channel; {@code received} on the
 * Europe/Stockholm date of its receipt (a letter registered on Monday counts on Friday), {@code answered} on the date
 * of its first answer, {@code closed} and {@code reopened} on the date of every closing and reopening (the history
 * keeps them, as the topic keeps every {@code CaseClosed}; a reopening counts only when it opened a closed case
 * again, since an answered case never closed is still open); open at the end of {@code to}: received − closed +
 * reopened up to then. A pure function of the cases.
 */
final class CaseCounting {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    /** The figures of one period and dimensions while counting. */
    private static final class Flows {
        long received;
        long answered;
        long closed;
        long reopened;
    }

    record Dimensions(CaseType caseType, SynpunktKind kind, String category, String unit, Channel channel)
            implements Comparable<Dimensions> {

        private static final Comparator<Dimensions> ORDER = Comparator
                .comparing((Dimensions d) -> String.valueOf(d.caseType))
                .thenComparing(d -> String.valueOf(d.kind)).thenComparing(d -> String.valueOf(d.category))
                .thenComparing(d -> String.valueOf(d.unit)).thenComparing(d -> String.valueOf(d.channel));

        static Dimensions of(Case aCase) {
            return new Dimensions(Objects.requireNonNullElse(aCase.caseType(), CaseType.SYNPUNKT), aCase.kind(),
                    aCase.category(), aCase.unit(), aCase.channel());
        }

        @Override
        public int compareTo(Dimensions other) {
            return ORDER.compare(this, other);
        }
    }

    private record Cell(String period, Dimensions dimensions) implements Comparable<Cell> {
        @Override
        public int compareTo(Cell other) {
            int byPeriod = period.compareTo(other.period);
            return byPeriod != 0 ? byPeriod : dimensions.compareTo(other.dimensions);
        }
    }

    record Counts(List<CaseCountsReported.Row> rows, List<CaseCountsReported.Open> open) {
    }

    private final LocalDate from;
    private final LocalDate to;
    private final CountGranularity granularity;
    private final Map<Cell, Flows> cells = new TreeMap<>();
    private final Map<Dimensions, Long> open = new TreeMap<>();

    CaseCounting(LocalDate from, LocalDate to, CountGranularity granularity) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
        this.from = from;
        this.to = to;
        this.granularity = Objects.requireNonNull(granularity, "granularity");
    }

    void add(Case aCase) {
        if (aCase.receivedAt() == null) {
            return;
        }
        Dimensions dimensions = Dimensions.of(aCase);
        long openAtEnd = 0;
        if (within(aCase.receivedAt())) {
            flows(aCase.receivedAt(), dimensions).received++;
        }
        if (!dateOf(aCase.receivedAt()).isAfter(to)) {
            openAtEnd++;
        }
        Answer first = aCase.firstAnswer();
        if (first != null && first.answeredAt() != null && within(first.answeredAt())) {
            flows(first.answeredAt(), dimensions).answered++;
        }
        for (Instant closed : aCase.closings()) {
            if (within(closed)) {
                flows(closed, dimensions).closed++;
            }
            if (!dateOf(closed).isAfter(to)) {
                openAtEnd--;
            }
        }
        for (Instant reopened : reopeningsOfClosedCase(aCase.closings(), aCase.reopenings())) {
            if (within(reopened)) {
                flows(reopened, dimensions).reopened++;
            }
            if (!dateOf(reopened).isAfter(to)) {
                openAtEnd++;
            }
        }
        open.merge(dimensions, openAtEnd, Long::sum);
    }

    Counts counts() {
        List<CaseCountsReported.Row> rows = new ArrayList<>();
        cells.forEach((cell, flows) -> {
            Dimensions d = cell.dimensions();
            rows.add(new CaseCountsReported.Row(cell.period(), d.caseType(), d.kind(), d.category(), d.unit(),
                    d.channel(), flows.received, flows.answered, flows.closed, flows.reopened));
        });
        List<CaseCountsReported.Open> opens = new ArrayList<>();
        open.forEach((d, count) -> {
            if (count != 0) {
                opens.add(new CaseCountsReported.Open(d.caseType(), d.kind(), d.category(), d.unit(), d.channel(),
                        count));
            }
        });
        return new Counts(List.copyOf(rows), List.copyOf(opens));
    }

    private Flows flows(Instant at, Dimensions dimensions) {
        return cells.computeIfAbsent(new Cell(periodOf(dateOf(at)), dimensions), cell -> new Flows());
    }

    private String periodOf(LocalDate date) {
        return granularity == CountGranularity.DAY ? date.toString() : YearMonth.from(date).toString();
    }

    private boolean within(Instant at) {
        LocalDate date = dateOf(at);
        return !date.isBefore(from) && !date.isAfter(to);
    }

    static LocalDate dateOf(Instant at) {
        return LocalDate.ofInstant(at, STOCKHOLM);
    }

    /** The reopenings that opened a closed case again, in time order (reporting's {@code Contributions} rule). */
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
