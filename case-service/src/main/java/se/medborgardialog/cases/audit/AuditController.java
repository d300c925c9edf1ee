package se.medborgardialog.cases.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.cases.web.InvalidFieldException;

/**
 * For administrators (role ADMINISTRATOR): who read which case's personal data, when, through what and why. Search by
 * case, user and period ({@code from}, {@code to}: dates in Europe/Stockholm, both inclusive); newest first, at most
 * {@code limit} (1–1000, default 1000).
 */
@RestController
class AuditController {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    List<AuditEntry> audit(@RequestParam(required = false) String caseId,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1000") int limit) {
        if (caseId != null) {
            try {
                UUID.fromString(caseId);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("caseId", "Ange ärendets id (ett UUID).");
            }
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidFieldException("limit", "Ange ett antal mellan 1 och 1000.");
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new InvalidFieldException("to", "Slutdatumet ligger före startdatumet.");
        }
        return audit.find(new AuditLog.AuditSearch(caseId, user,
                first == null ? null : first.atStartOfDay(STOCKHOLM).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(STOCKHOLM).toInstant(), limit));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "Ange ett datum som ÅÅÅÅ-MM-DD.");
        }
    }
}
