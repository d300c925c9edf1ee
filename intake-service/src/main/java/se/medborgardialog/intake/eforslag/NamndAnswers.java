package se.medborgardialog.intake.eforslag;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.CaseAnswered;

/**
 * Hears from the case lifecycle (read back by messaging/InboundEvents) when the nämnd answered a proposal: the
 * nämnd's case has the proposal's id, so an answered case that is a proposal moves it to ANSWERED.
 */
@Component
class NamndAnswers {

    private final EforslagService eforslag;

    NamndAnswers(EforslagService eforslag) {
        this.eforslag = eforslag;
    }

    @EventListener
    void on(CaseAnswered answered) {
        if (answered.caseId() != null && answered.answeredAt() != null) {
            eforslag.namndAnswered(answered.caseId().value(), answered.answeredAt());
        }
    }
}
