package se.medborgardialog.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.medborgardialog.reporting.statistics.Suppression.Cell;

class SuppressionTests {

    @Test
    void countsBelowTheLimitAreHiddenButZerosAreNot() {
        Set<Cell> hidden = Suppression.suppress(List.of(Map.of("received", 4L, "closed", 0L, "answered", 5L)),
                List.of(), 5);

        assertThat(hidden).containsExactly(new Cell(0, "received"));
    }

    @Test
    void aLoneHiddenCellInAColumnWithItsTotalHidesTheNextSmallestSoItCannotBeSubtracted() {
        // rows 12, 3, 40, 9 and their total 64: 3 alone could be computed as 64 - 12 - 40 - 9
        List<Map<String, Long>> rows = List.of(Map.of("received", 12L), Map.of("received", 3L),
                Map.of("received", 40L), Map.of("received", 9L), Map.of("received", 64L));
        List<Cell> column = List.of(new Cell(0, "received"), new Cell(1, "received"), new Cell(2, "received"),
                new Cell(3, "received"), new Cell(4, "received"));

        Set<Cell> hidden = Suppression.suppress(rows, List.of(column), 5);

        assertThat(hidden).containsExactlyInAnyOrder(new Cell(1, "received"), new Cell(3, "received"));
    }

    @Test
    void aSecondaryHidingCascadesIntoEveryOtherRelationItLeavesALoneCellIn() {
        // a 2x2 table with row and column totals: hiding 2 forces 7 (its row), which forces 6 (its column)...
        // r0: 2 + 7 = 9 ; r1: 8 + 6 = 14 ; columns 10 and 13; grand total 23
        List<Map<String, Long>> rows = List.of(Map.of("a", 2L, "b", 7L, "t", 9L), Map.of("a", 8L, "b", 6L, "t", 14L),
                Map.of("a", 10L, "b", 13L, "t", 23L));
        List<List<Cell>> relations = List.of(
                List.of(new Cell(0, "a"), new Cell(0, "b"), new Cell(0, "t")),
                List.of(new Cell(1, "a"), new Cell(1, "b"), new Cell(1, "t")),
                List.of(new Cell(2, "a"), new Cell(2, "b"), new Cell(2, "t")),
                List.of(new Cell(0, "a"), new Cell(1, "a"), new Cell(2, "a")),
                List.of(new Cell(0, "b"), new Cell(1, "b"), new Cell(2, "b")),
                List.of(new Cell(0, "t"), new Cell(1, "t"), new Cell(2, "t")));

        Set<Cell> hidden = Suppression.suppress(rows, relations, 5);

        // no relation is left with exactly one hidden cell
        for (List<Cell> relation : relations) {
            assertThat(relation.stream().filter(hidden::contains).count()).isNotEqualTo(1);
        }
        assertThat(hidden).contains(new Cell(0, "a"), new Cell(0, "b"), new Cell(1, "a"), new Cell(1, "b"));
    }
}
