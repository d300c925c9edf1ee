package se.medborgardialog.intake.tracking;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public: a citizen follows their case by its tracking code. Errors are problem+json through web/ApiProblems. */
@RestController
class StatusController {

    private final StatusLookup lookup;

    StatusController(StatusLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping(path = "/api/v1/status/{trackingCode}", produces = MediaType.APPLICATION_JSON_VALUE)
    StatusView status(@PathVariable String trackingCode) {
        return lookup.find(trackingCode);
    }
}
