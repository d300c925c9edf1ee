package se.medborgardialog.cases.casework;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.cases.security.StaffUser;
import se.medborgardialog.contracts.CaseId;

/**
 * A case's history (who, when, what) on its own, for export: the same as the case page's CSV. Holds no personal
 * data, so it is not audited. A case of another unit answers 404.
 */
@RestController
class CaseHistoryController {

    private final CaseWork work;

    CaseHistoryController(CaseWork work) {
        this.work = work;
    }

    record CaseHistory(String caseId, String diarienummer, List<HistoryEntry> history) {
    }

    @GetMapping("/api/v1/cases/{caseId}/history")
    CaseHistory history(@PathVariable UUID caseId, @AuthenticationPrincipal StaffUser user) {
        Case aCase = work.caseFor(new CaseId(caseId), user.units());
        return new CaseHistory(aCase.caseId().toString(), aCase.diarienummer().value(), aCase.history());
    }
}
