package se.medborgardialog.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.CaseClosed;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.EventTypes;
import se.medborgardialog.contracts.Topics;
import se.medborgardialog.intake.testing.IntakeIntegrationTestContext;

class InboundEventsIntegrationTests extends IntakeIntegrationTestContext {

    @Test
    void handsACaseEventFromKafkaToTheListenersAsItsContractRecord() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        CaseClosed closed = new CaseClosed(caseId, "stadsmiljo", CaseOutcome.values()[0],
                Instant.parse("2026-11-23T12:00:00Z"), "anna");

        events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_CLOSED, closed);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(recorded.of(CaseClosed.class)).contains(closed));
    }

    @Test
    void ignoresTypesItDoesNotKnow() {
        CaseId caseId = new CaseId(UUID.randomUUID());
        CaseClosed closed = new CaseClosed(caseId, "stadsmiljo", CaseOutcome.values()[0],
                Instant.parse("2026-11-23T12:00:00Z"), "anna");

        events.send(Topics.CASES, caseId.toString(), "se.medborgardialog.something.else.v1", closed);
        events.send(Topics.CASES, caseId.toString(), EventTypes.CASE_CLOSED, closed);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(recorded.of(CaseClosed.class)).contains(closed));
        assertThat(recorded.of(CaseClosed.class).stream().filter(closed::equals)).hasSize(1);
    }
}
