package se.medborgardialog.reporting.exactness;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.medborgardialog.contracts.CountGranularity;
import se.medborgardialog.contracts.ReconciliationId;
import se.medborgardialog.reporting.web.InvalidRequestException;
import se.medborgardialog.reporting.web.InvalidRequestException.FieldError;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The checks that the figures are exact: the reconciliation (statisticians, administrators) and the rebuild (administrators). */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Exakthet", description = "Avstämning och återuppbyggnad av statistiken")
class ExactnessController {

    private static final String CASE_STORE = "/reconciliation/case-store";
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final Reconciliation reconciliation;
    private final Rebuild rebuild;
    private final CaseStoreReconciliation caseStore;
    private final CaseStoreReconciliationProperties caseStoreProperties;
    private final Clock clock;

    ExactnessController(Reconciliation reconciliation, Rebuild rebuild, CaseStoreReconciliation caseStore,
            CaseStoreReconciliationProperties caseStoreProperties, Clock clock) {
        this.reconciliation = reconciliation;
        this.rebuild = rebuild;
        this.caseStore = caseStore;
        this.caseStoreProperties = caseStoreProperties;
        this.clock = clock;
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Recompute every aggregate cell from the case facts and list each counter that differs")
    Reconciliation.Report reconciliation() {
        return reconciliation.reconcile();
    }

    @PostMapping(CASE_STORE)
    @Operation(summary = "Ask case-service to count its cases for a period (default: last month) and compare them with "
            + "the aggregates; 202 with the reconciliation's id and its address")
    ResponseEntity<Map<String, Object>> reconcileWithCaseStore(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "month") String period) {
        List<FieldError> errors = new ArrayList<>();
        CountGranularity granularity = switch (period) {
            case "day" -> CountGranularity.DAY;
            case "month" -> CountGranularity.MONTH;
            default -> {
                errors.add(new FieldError("period", "Ska vara day eller month."));
                yield CountGranularity.MONTH;
            }
        };
        YearMonth lastMonth = YearMonth.now(clock.withZone(STOCKHOLM)).minusMonths(1);
        LocalDate first = date(from, "from", lastMonth.atDay(1), errors);
        LocalDate last = date(to, "to", lastMonth.atEndOfMonth(), errors);
        if (errors.isEmpty() && granularity == CountGranularity.MONTH) {
            first = YearMonth.from(first).atDay(1); // month cells hold whole months
            last = YearMonth.from(last).atEndOfMonth();
        }
        if (errors.isEmpty() && last.isBefore(first)) {
            errors.add(new FieldError("to", "Får inte vara före from."));
        } else if (errors.isEmpty() && granularity == CountGranularity.DAY
                && ChronoUnit.DAYS.between(first, last) >= caseStoreProperties.maxDays()) {
            errors.add(new FieldError("to", "Högst " + caseStoreProperties.maxDays() + " dagar per dag; jämför per månad."));
        } else if (errors.isEmpty() && ChronoUnit.MONTHS.between(YearMonth.from(first), YearMonth.from(last))
                >= caseStoreProperties.maxMonths()) {
            errors.add(new FieldError("to", "Högst " + caseStoreProperties.maxMonths() + " månader."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ReconciliationId id = caseStore.request(first, last, granularity);
        URI location = URI.create("/api/v1/statistics" + CASE_STORE + "/" + id);
        return ResponseEntity.accepted().location(location).body(Map.of("reconciliationId", id.toString(),
                "status", "väntar", "from", first.toString(), "to", last.toString(), "period", period,
                "location", location.toString()));
    }

    @GetMapping(CASE_STORE + "/{id}")
    @Operation(summary = "A reconciliation with the case store: väntar until case-service has answered and this "
            + "service has read the case events its counts include, then per cell both counts and their differences")
    ResponseEntity<CaseStoreReconciliation.View> caseStoreReconciliation(@PathVariable String id) {
        return ResponseEntity.of(caseStore.view(id));
    }

    private static LocalDate date(String value, String field, LocalDate otherwise, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Ska vara ett datum som 2027-03-31."));
            return otherwise;
        }
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild facts and aggregates from the topics' beginning with a fresh consumer group, then swap")
    ResponseEntity<Rebuild.Status> startRebuild() {
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @GetMapping("/rebuild")
    @Operation(summary = "The state of the last rebuild")
    Rebuild.Status rebuildStatus() {
        return rebuild.status();
    }

    @ExceptionHandler(CaseStoreReconciliation.BrokerUnavailableException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(CaseStoreReconciliation.BrokerUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka svarar inte just nu; försök igen om en stund.");
        problem.setTitle("Avstämningen kan inte göras nu");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> busy(IllegalStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "En återuppbyggnad pågår redan.");
        problem.setTitle("Upptagen");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
