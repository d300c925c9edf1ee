package se.medborgardialog.cases.casework;

import org.springframework.ui.Model;
import se.medborgardialog.cases.security.StaffUser;

/**
 * A part of the case page that another feature adds, such as an avvikelse's investigation: the page asks every one
 * each time it is shown, after the page's own read is in the audit log, and its template includes the part's
 * fragments, which show themselves only when their model attribute is there.
 */
public interface CasePageSection {

    /**
     * Adds the part's model attributes, if it applies to the case; audits its own read of personal data first.
     *
     * @param aCase a case {@code user} may see
     * @param what  what shows the page, for the audit log, e.g. {@code GET /arenden/{caseId}}
     */
    void addTo(Case aCase, StaffUser user, String what, Model model);
}
