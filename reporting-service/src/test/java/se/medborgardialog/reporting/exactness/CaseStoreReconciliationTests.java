package se.medborgardialog.reporting.exactness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import se.medborgardialog.reporting.exactness.CaseStoreReconciliation.Flows;

class CaseStoreReconciliationTests {

    @Test
    void waitsForEveryPartitionTheConsumerHasNotCommittedUpToTheAnswersOffset() {
        Map<Integer, Long> ends = Map.of(0, 12L, 1, 7L, 2, 0L);

        assertThat(CaseStoreReconciliation.lagging(ends, Map.of(0, 10L, 1, 7L))).isEqualTo(Map.of(0, 2L));
        // a partition the group never committed on counts from 0; an empty one is never waited for
        assertThat(CaseStoreReconciliation.lagging(ends, Map.of(0, 12L))).isEqualTo(Map.of(1, 7L));
        assertThat(CaseStoreReconciliation.lagging(ends, Map.of(0, 13L, 1, 9L))).isEmpty();
    }

    @Test
    void namesEachFigureThatDiffersAsTheCaseStoreMinusReporting() {
        Flows caseStore = new Flows(3, 2, 1, 0);

        assertThat(caseStore.minus(new Flows(3, 2, 1, 0))).isEmpty();
        assertThat(caseStore.minus(new Flows(2, 2, 1, 1))).containsExactly(Map.entry("received", 1L),
                Map.entry("reopened", -1L));
    }
}
