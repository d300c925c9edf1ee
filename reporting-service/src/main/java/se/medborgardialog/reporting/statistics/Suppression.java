package se.medborgardialog.reporting.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suppression for public exports. Primary: every count from 1 up to the limit (exclusive) is hidden. Secondary: for
 * every linear relation between published cells — a column's cells and their total, the groups of one period (whose
 * sum an ungrouped query shows), one group's periods, the avvikelser's IVO reports per law and their sum, and a
 * group's backlog from one period to the next — in which exactly one cell is hidden, the smallest other cell is hidden
 * too (so it cannot be computed back by subtraction); repeated until no relation has a lone hidden cell.
 */
final class Suppression {

    /** A cell: a row (the totals row has index -1 here) and a count's name. */
    record Cell(int row, String name) {
    }

    private Suppression() {
    }

    /**
     * @param counts   each row's counts, the totals row last
     * @param relations sets of cells that sum (with signs) to zero or to a known figure
     * @return the hidden cells
     */
    static Set<Cell> suppress(List<Map<String, Long>> counts, List<List<Cell>> relations, long limit) {
        Set<Cell> hidden = new HashSet<>();
        for (int row = 0; row < counts.size(); row++) {
            for (Map.Entry<String, Long> count : counts.get(row).entrySet()) {
                if (count.getValue() > 0 && count.getValue() < limit) {
                    hidden.add(new Cell(row, count.getKey()));
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Cell> relation : relations) {
                long lone = relation.stream().filter(hidden::contains).count();
                if (lone != 1) {
                    continue;
                }
                List<Cell> candidates = new ArrayList<>(relation.stream().filter(cell -> !hidden.contains(cell)).toList());
                if (candidates.isEmpty()) {
                    continue;
                }
                // the smallest non-zero cell if there is one (a hidden zero reveals what it hides), else any
                candidates.sort(Comparator.comparing((Cell cell) -> value(counts, cell) == 0)
                        .thenComparing(cell -> value(counts, cell)));
                hidden.add(candidates.get(0));
                changed = true;
            }
        }
        return hidden;
    }

    private static long value(List<Map<String, Long>> counts, Cell cell) {
        return counts.get(cell.row()).getOrDefault(cell.name(), 0L);
    }
}
