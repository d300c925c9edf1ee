package se.medborgardialog.cases.avvikelse;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import se.medborgardialog.cases.audit.AuditLog;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CasePageSection;
import se.medborgardialog.cases.security.CaseAccess;
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.contracts.CaseType;

/**
 * The case page's "Utredning" of an avvikelse (model attribute {@code utredning}, {@code templates/arenden/
 * utredning.html} and the step forms {@code atgarder/avvikelse-*.html}): what the API's audited read shows, opened
 * only after its own read is in the audit log, with the purpose {@value AvvikelseWork#READ_PURPOSE}.
 */
@Component
class InvestigationSection implements CasePageSection {

    private final AvvikelseWork work;
    private final AuditLog audit;

    InvestigationSection(AvvikelseWork work, AuditLog audit) {
        this.work = work;
        this.audit = audit;
    }

    @Override
    public void addTo(Case aCase, StaffUser user, String what, Model model) {
        if (aCase.caseType() != CaseType.AVVIKELSE || aCase.legalFlow() == null || !CaseAccess.maySee(user, aCase)) {
            return;
        }
        audit.recordRead(user.getUsername(), aCase.caseId(), what, AvvikelseWork.READ_PURPOSE);
        model.addAttribute("utredning", InvestigationPageView.of(new AvvikelseCase(aCase), aCase.legalFlow(),
                work::open));
    }
}
