package se.medborgardialog.reporting.statistics.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.reporting.security.StaffDirectory;
import se.medborgardialog.reporting.statistics.StatisticsProperties;
import se.medborgardialog.reporting.statistics.SynpunktStatistics;
import se.medborgardialog.reporting.statistics.SynpunktStatisticsRepository;

/**
 * Synpunkt statistics per receipt day, kind, category and unit, as JSON or as CSV for Excel. Statisticians see
 * every unit; managers only their own (rows of other units are left out, asking for one is refused).
 */
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SynpunktStatisticsRepository statistics;
    private final StaffDirectory staff;
    private final StatisticsProperties properties;
    private final Clock clock;

    StatisticsController(SynpunktStatisticsRepository statistics, StaffDirectory staff,
                         StatisticsProperties properties, Clock clock) {
        this.statistics = statistics;
        this.staff = staff;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/synpunkter")
    SynpunktStatistics synpunkter(Authentication reader,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String kind,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) String unit) {
        return query(reader, new StatisticsParameters(from, to, kind, category, unit));
    }

    /** The download link: CSV whatever the client accepts, so a browser saves it as a file. */
    @GetMapping("/synpunkter.csv")
    ResponseEntity<byte[]> synpunkterCsv(Authentication reader,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String category,
                                         @RequestParam(required = false) String unit) {
        return csv(query(reader, new StatisticsParameters(from, to, kind, category, unit)));
    }

    /** {@code Accept: text/csv} on the JSON address. */
    @GetMapping(value = "/synpunkter", produces = "text/csv")
    ResponseEntity<byte[]> synpunkterAsCsv(Authentication reader,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) String kind,
                                           @RequestParam(required = false) String category,
                                           @RequestParam(required = false) String unit) {
        return csv(query(reader, new StatisticsParameters(from, to, kind, category, unit)));
    }

    private static ResponseEntity<byte[]> csv(SynpunktStatistics result) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("synpunkter-" + result.from() + "-" + result.to() + ".csv").build().toString())
                .body(SynpunktCsv.render(result));
    }

    private SynpunktStatistics query(Authentication reader, StatisticsParameters parameters) {
        return statistics.query(parameters.toQuery(clock, properties.maxRange(), staff.scopeOf(reader)));
    }
}
