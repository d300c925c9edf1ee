package se.medborgardialog.cases.audit;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For administrators (role ADMINISTRATOR): who read what. Newest first, at most 1000 entries. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    List<AuditEntry> audit(@RequestParam(required = false) String caseId,
            @RequestParam(required = false) String user) {
        return audit.find(caseId, user);
    }
}
