package se.medborgardialog.systemtests;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a test did to its cases, case by case, and the figures that follow from it by reporting's counting rules
 * (reporting-service/README.md, <i>Definitions</i>): each flow on the Stockholm date of its own event, the backlog at
 * the period's end as received − closed. The test's expectations, derived from its own actions, not from reporting.
 */
final class CaseLedger {

    /** One case the test made, and what became of it. */
    static final class Made {
        final String caseId;
        final String caseType;
        final String kind;
        final String category;
        final String namnd;
        final LocalDate received;
        LocalDate answered;
        boolean answeredInTime;
        LocalDate closed;
        LocalDate clockMet;
        LocalDate clockBreached;

        private Made(String caseId, String caseType, String kind, String category, String namnd, LocalDate received) {
            this.caseId = caseId;
            this.caseType = caseType;
            this.kind = kind;
            this.category = category;
            this.namnd = namnd;
            this.received = received;
        }
    }

    private final List<Made> cases = new ArrayList<>();

    Made made(String caseId, String caseType, String kind, String category, String namnd, LocalDate received) {
        Made made = new Made(caseId, caseType, kind, category, namnd, received);
        cases.add(made);
        return made;
    }

    List<Made> cases() {
        return List.copyOf(cases);
    }

    /** The figures of one year's selection, as reporting's API names its counts. */
    record Figures(long received, long answered, long answeredWithinDeadline, long closed, long backlog,
                   long guaranteeMet, long guaranteeBreached) {

        /** The share answered within the deadline as reporting rounds it (four decimals), null when none answered. */
        Double answeredWithinDeadlineShare() {
            return answered == 0 ? null : Math.round(10_000.0 * answeredWithinDeadline / answered) / 10_000.0;
        }
    }

    Figures figures(int year, Predicate<Made> selection) {
        List<Made> selected = cases.stream().filter(selection).toList();
        LocalDate end = LocalDate.of(year, 12, 31);
        return new Figures(
                count(selected, m -> in(year, m.received)),
                count(selected, m -> in(year, m.answered)),
                count(selected, m -> in(year, m.answered) && m.answeredInTime),
                count(selected, m -> in(year, m.closed)),
                count(selected, m -> !m.received.isAfter(end)) - count(selected, m -> m.closed != null
                        && !m.closed.isAfter(end)),
                count(selected, m -> in(year, m.clockMet)),
                count(selected, m -> in(year, m.clockBreached)));
    }

    /** Received and first answers per month of the year ({@code 2026-11} → [received, answered]), months with either. */
    Map<String, long[]> perMonth(int year, Predicate<Made> selection) {
        Map<String, long[]> months = new TreeMap<>();
        for (Made made : cases) {
            if (!selection.test(made)) {
                continue;
            }
            if (in(year, made.received)) {
                months.computeIfAbsent(YearMonth.from(made.received).toString(), m -> new long[2])[0]++;
            }
            if (in(year, made.answered)) {
                months.computeIfAbsent(YearMonth.from(made.answered).toString(), m -> new long[2])[1]++;
            }
        }
        return months;
    }

    /** Received in the year per kind of synpunkt (enum names), kinds with any. */
    Map<String, Long> receivedPerKind(int year, Predicate<Made> selection) {
        Map<String, Long> kinds = new TreeMap<>();
        cases.stream().filter(selection).filter(m -> in(year, m.received))
                .forEach(m -> kinds.merge(m.kind, 1L, Long::sum));
        return kinds;
    }

    static Predicate<Made> namnd(String namnd) {
        return m -> namnd.equals(m.namnd);
    }

    static Predicate<Made> kind(String kind) {
        return m -> kind.equals(m.kind);
    }

    private static boolean in(int year, LocalDate date) {
        return date != null && date.getYear() == year;
    }

    private static long count(List<Made> cases, Predicate<Made> test) {
        return cases.stream().filter(test).count();
    }
}
