package se.medborgardialog.reporting.statistics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgardialog.reporting.security.StaffDirectory;
import se.medborgardialog.reporting.statistics.AggregateStatistics;
import se.medborgardialog.reporting.statistics.StatisticsProperties;
import se.medborgardialog.reporting.statistics.StatisticsReport;

/**
 * The statisticians' API: every figure per period and any grouping of case type, kind, category, unit, nämnd and
 * channel, as JSON or CSV. Statisticians see every unit; managers only their own units.
 */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistik", description = "Exakta aggregat från händelseströmmarna, utan personuppgifter")
class AggregateStatisticsController {

    private final AggregateStatistics statistics;
    private final StaffDirectory staff;
    private final StatisticsProperties properties;
    private final Clock clock;

    AggregateStatisticsController(AggregateStatistics statistics, StaffDirectory staff, StatisticsProperties properties,
                                  Clock clock) {
        this.statistics = statistics;
        this.staff = staff;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "Aggregates per period, filtered and grouped",
            description = "Every figure on the Europe/Stockholm date of the event's own time; from and to are widened "
                    + "to whole periods. public=true suppresses counts below reporting.statistics.suppression-limit, "
                    + "and enough others that none can be derived from totals.")
    StatisticsReport json(Authentication reader,
            @Parameter(description = "day, week, month (default), quarter or year") @RequestParam(required = false) String period,
            @Parameter(description = "first date, YYYY-MM-DD (default: 1 January this year)") @RequestParam(required = false) String from,
            @Parameter(description = "last date, YYYY-MM-DD (default: today)") @RequestParam(required = false) String to,
            @Parameter(description = "SYNPUNKT, FELANMALAN, E_FORSLAG or AVVIKELSE") @RequestParam(required = false) String caseType,
            @Parameter(description = "BEROM, KLAGOMAL, FORSLAG or FRAGA") @RequestParam(required = false) String kind,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String namnd,
            @Parameter(description = "WEB, APP, E_POST, BREV, TELEFON or BESOK") @RequestParam(required = false) String channel,
            @Parameter(description = "comma-separated: caseType, kind, category, unit, namnd, channel") @RequestParam(required = false) String groupBy,
            @Parameter(description = "true: a public export with suppression") @RequestParam(name = "public", required = false) String publicExport,
            @Parameter(description = "CSV only: comma for a Swedish decimal comma") @RequestParam(required = false) String decimal) {
        AggregateParameters parameters = new AggregateParameters(period, from, to, caseType, kind, category, unit, namnd,
                channel, groupBy, publicExport, decimal);
        return statistics.query(parameters.toQuery(clock, properties.maxRange(), staff.scopeOf(reader)));
    }

    @GetMapping(produces = "text/csv")
    @Operation(summary = "The same as CSV (Accept: text/csv): UTF-8 with BOM, ';', CRLF")
    ResponseEntity<byte[]> negotiatedCsv(Authentication reader,
            @RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String caseType,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String category,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String namnd,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String groupBy,
            @RequestParam(name = "public", required = false) String publicExport,
            @RequestParam(required = false) String decimal) {
        return csv(reader, new AggregateParameters(period, from, to, caseType, kind, category, unit, namnd, channel,
                groupBy, publicExport, decimal));
    }

    @GetMapping("/export.csv")
    @Operation(summary = "The download link: the same as CSV whatever the client accepts")
    ResponseEntity<byte[]> downloadCsv(Authentication reader,
            @RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String caseType,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String category,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String namnd,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String groupBy,
            @RequestParam(name = "public", required = false) String publicExport,
            @RequestParam(required = false) String decimal) {
        return csv(reader, new AggregateParameters(period, from, to, caseType, kind, category, unit, namnd, channel,
                groupBy, publicExport, decimal));
    }

    private ResponseEntity<byte[]> csv(Authentication reader, AggregateParameters parameters) {
        StatisticsReport report = statistics.query(parameters.toQuery(clock, properties.maxRange(), staff.scopeOf(reader)));
        return ResponseEntity.ok()
                .contentType(StatisticsController.TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("statistik-" + report.period().name().toLowerCase(java.util.Locale.ROOT) + "-"
                                + report.from() + "-" + report.to() + (report.publicExport() ? "-publik" : "") + ".csv")
                        .build().toString())
                .body(StatisticsCsv.render(report, parameters.decimalComma()));
    }
}
