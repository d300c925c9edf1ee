package se.medborgardialog.cases.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.medborgardialog.cases.casework.DeadlineStatus;

class DeadlineRecordTests {

    private static final Instant DUE = Instant.parse("2026-03-04T22:59:59.999999999Z");
    private static final DeadlineRecord SCHEDULED =
            new DeadlineRecord("c:first-answer", "c", "first-answer", LocalDate.parse("2026-03-04"), DUE,
                    DeadlineStatus.RUNNING);
    private static final DeadlineRecord BREACHED =
            new DeadlineRecord("c:first-answer", "c", "first-answer", null, DUE, DeadlineStatus.BREACHED);

    @Test
    void endsInTheSameStateWhicheverEventArrivesFirst() {
        DeadlineRecord inOrder = SCHEDULED.merge(BREACHED);
        DeadlineRecord reversed = BREACHED.merge(SCHEDULED);

        assertThat(inOrder).isEqualTo(reversed);
        assertThat(inOrder.status()).isEqualTo(DeadlineStatus.BREACHED);
        assertThat(inOrder.dueDate()).isEqualTo(LocalDate.parse("2026-03-04"));
    }

    @Test
    void changesNothingWhenTheSameEventArrivesAgain() {
        assertThat(SCHEDULED.merge(SCHEDULED)).isEqualTo(SCHEDULED);
        assertThat(BREACHED.merge(BREACHED)).isEqualTo(BREACHED);
    }

    @Test
    void showsTheRunningClockDueSoonestFirst() {
        DeadlineRecord later = new DeadlineRecord("c:answer", "c", "answer", null, DUE.plusSeconds(86_400),
                DeadlineStatus.RUNNING);
        DeadlineRecord met = new DeadlineRecord("c:ack", "c", "ack", null, DUE.minusSeconds(86_400),
                DeadlineStatus.MET);

        assertThat(List.of(met, later, SCHEDULED).stream().sorted(DeadlineRecord.MOST_RELEVANT_FIRST).findFirst())
                .contains(SCHEDULED);
    }
}
