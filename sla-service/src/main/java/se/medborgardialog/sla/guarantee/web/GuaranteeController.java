package se.medborgardialog.sla.guarantee.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.sla.guarantee.GuaranteeCatalogue;
import se.medborgardialog.sla.guarantee.GuaranteeCatalogue.ConflictException;
import se.medborgardialog.sla.guarantee.GuaranteeCatalogue.NotFoundException;
import se.medborgardialog.sla.guarantee.GuaranteeDefinition;
import se.medborgardialog.sla.guarantee.GuaranteeDefinition.InvalidGuaranteeException;
import se.medborgardialog.sla.guarantee.StoredGuarantee;
import se.medborgardialog.sla.web.InvalidRequestException;

/**
 * The administrator API of the catalogue. Every change is a new version; a running clock keeps the version it started
 * with. Answers carry the version as a strong ETag ({@code "3"}); a change must name the version it is based on in
 * {@code If-Match}, and a stale one is refused with 409.
 */
@RestController
@RequestMapping("/api/v1/guarantees")
class GuaranteeController {

    private final GuaranteeCatalogue catalogue;

    GuaranteeController(GuaranteeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A guarantee's version as written, with when and by whom it was recorded. */
    record GuaranteeView(String id, int version, String municipality, String namnd, String title, String type,
                         GuaranteeDefinition.CoverageDefinition covers, String clock, String duration,
                         List<String> startOn, List<String> stopOn, List<String> pauseOn, List<String> resumeOn,
                         List<String> warnings, List<String> suspensions,
                         GuaranteeDefinition.CompensationDefinition compensation, boolean active, Instant recordedAt,
                         String recordedBy) {

        static GuaranteeView of(StoredGuarantee stored) {
            var g = stored.guarantee();
            GuaranteeDefinition d = stored.definition();
            return new GuaranteeView(g.id(), g.version(), g.municipality(), g.namnd(), g.title(), g.type().name(),
                    d.covers(), g.clock(), g.duration().text(), names(g.startOn()), names(g.stopOn()),
                    names(g.pauseOn()), names(g.resumeOn()), g.warnings().stream().map(Object::toString).toList(),
                    g.suspensions().stream().map(Object::toString).toList(), d.compensation(), g.active(),
                    stored.recordedAt(), stored.recordedBy());
        }

        private static List<String> names(java.util.Set<? extends Enum<?>> triggers) {
            return triggers.stream().map(Enum::name).sorted().toList();
        }
    }

    @GetMapping
    List<GuaranteeView> current() {
        return catalogue.current().stream().map(GuaranteeView::of).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<GuaranteeView> one(@PathVariable String id) {
        return withETag(HttpStatus.OK, catalogue.current(id).orElseThrow(() -> new NotFoundException(id)));
    }

    @GetMapping("/{id}/versions")
    List<GuaranteeView> versions(@PathVariable String id) {
        List<StoredGuarantee> versions = catalogue.versions(id);
        if (versions.isEmpty()) {
            throw new NotFoundException(id);
        }
        return versions.stream().map(GuaranteeView::of).toList();
    }

    @PostMapping
    ResponseEntity<GuaranteeView> create(@RequestBody GuaranteeDefinition definition, Authentication user) {
        StoredGuarantee created = catalogue.create(definition, user.getName());
        return ResponseEntity.created(URI.create("/api/v1/guarantees/" + created.guaranteeId()))
                .eTag(etag(created)).body(GuaranteeView.of(created));
    }

    @PutMapping("/{id}")
    ResponseEntity<GuaranteeView> change(@PathVariable String id, @RequestBody GuaranteeDefinition definition,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         Authentication user) {
        if (definition.id() != null && !definition.id().equals(id)) {
            throw InvalidRequestException.of("id", "id i innehållet (" + definition.id() + ") är inte id i adressen (" + id + ").");
        }
        int basedOn = basedOn(ifMatch, true);
        return withETag(HttpStatus.OK, catalogue.change(id, definition, basedOn, user.getName()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<GuaranteeView> withdraw(@PathVariable String id,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                           Authentication user) {
        Integer basedOn = ifMatch == null ? null : basedOn(ifMatch, false);
        return withETag(HttpStatus.OK, catalogue.withdraw(id, basedOn, user.getName()));
    }

    private static int basedOn(String ifMatch, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
                    "Ange versionen ändringen bygger på i If-Match, t.ex. If-Match: \"3\" (garantins ETag).");
            problem.setTitle("Version saknas");
            throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
        }
        try {
            return Integer.parseInt(ifMatch.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of("If-Match", "Ogiltig version: ange garantins ETag, t.ex. \"3\".");
        }
    }

    private static ResponseEntity<GuaranteeView> withETag(HttpStatus status, StoredGuarantee stored) {
        return ResponseEntity.status(status).eTag(etag(stored)).body(GuaranteeView.of(stored));
    }

    private static String etag(StoredGuarantee stored) {
        return "\"" + stored.version() + "\"";
    }

    @ExceptionHandler(InvalidGuaranteeException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidGuaranteeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Ogiltig garanti: inget sparades.");
        problem.setTitle("Ogiltig begäran");
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Hittades inte");
        return problem(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Konflikt");
        return problem(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
