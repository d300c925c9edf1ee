package se.medborgardialog.reporting.exactness;

import io.swagger.v3.oas.annotations.Operation;
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

    private final Reconciliation reconciliation;
    private final Rebuild rebuild;

    ExactnessController(Reconciliation reconciliation, Rebuild rebuild) {
        this.reconciliation = reconciliation;
        this.rebuild = rebuild;
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Recompute every aggregate cell from the case facts and list each counter that differs")
    Reconciliation.Report reconciliation() {
        return reconciliation.reconcile();
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

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> busy(IllegalStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "En återuppbyggnad pågår redan.");
        problem.setTitle("Upptagen");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
