package se.medborgardialog.reporting.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriComponentsBuilder;
import se.medborgardialog.reporting.facts.CountingProperties;
import se.medborgardialog.reporting.security.StaffDirectory;
import se.medborgardialog.reporting.statistics.AggregateQuery;
import se.medborgardialog.reporting.statistics.AggregateStatistics;
import se.medborgardialog.reporting.statistics.Dimension;
import se.medborgardialog.reporting.statistics.StatisticsProperties;
import se.medborgardialog.reporting.statistics.StatisticsReport;
import se.medborgardialog.reporting.statistics.UnitScope;
import se.medborgardialog.reporting.statistics.web.AggregateParameters;
import se.medborgardialog.reporting.statistics.web.StatisticsCsv;
import se.medborgardialog.reporting.web.ForbiddenUnitException;
import se.medborgardialog.reporting.web.InvalidRequestException;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * The statisticians' page ({@code GET /statistik}): a GET form over every dimension, and the figures of the selection
 * as charts drawn on the server with their tables, from the aggregates' own query ({@link AggregateStatistics}) — the
 * page counts nothing itself. The CSV link is the API's export of the same selection, served in the page's session.
 */
@Controller
class StatisticsPage {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final AggregateStatistics statistics;
    private final StaffDirectory staff;
    private final StatisticsProperties properties;
    private final CountingProperties counting;
    private final PageProperties names;
    private final Clock clock;

    StatisticsPage(AggregateStatistics statistics, StaffDirectory staff, StatisticsProperties properties,
                   CountingProperties counting, PageProperties names, Clock clock) {
        this.statistics = statistics;
        this.staff = staff;
        this.properties = properties;
        this.counting = counting;
        this.names = names;
        this.clock = clock;
    }

    /** The form's fields, named as the API's parameters; {@code ar} is a whole year, else {@code from}/{@code to}. */
    record Selection(String ar, String from, String to, String period, String namnd, String unit, String caseType,
                     String kind, String category, String channel) {

        AggregateParameters parameters(Clock clock, List<InvalidRequestException.FieldError> errors) {
            String first = from;
            String last = to;
            if (!blank(ar) && blank(from) && blank(to)) {
                if (ar.strip().matches("\\d{4}")) {
                    int year = Integer.parseInt(ar.strip());
                    first = LocalDate.of(year, 1, 1).toString();
                    last = LocalDate.of(year, 12, 31).toString();
                } else {
                    errors.add(new InvalidRequestException.FieldError("ar", "Ange året med fyra siffror."));
                }
            }
            return new AggregateParameters(blank(period) ? "month" : period, first, last, caseType, kind, category,
                    unit, namnd, channel, null, null, "comma");
        }

        /** The same selection as query parameters, for the CSV link and the form's values. */
        Map<String, String> asParameters() {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("ar", ar);
            all.put("from", from);
            all.put("to", to);
            all.put("period", period);
            all.put("namnd", namnd);
            all.put("unit", unit);
            all.put("caseType", caseType);
            all.put("kind", kind);
            all.put("category", category);
            all.put("channel", channel);
            all.values().removeIf(Selection::blank);
            return all;
        }

        static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    @GetMapping(PagesSecurity.HOME)
    String page(@ModelAttribute("selection") Selection selection, Authentication reader,
                @AuthenticationPrincipal StatisticsUser user, Model model,
                jakarta.servlet.http.HttpServletResponse response) {
        UnitScope scope = staff.scopeOf(reader);
        model.addAttribute("signedIn", user.getUsername());
        options(scope, model);
        int thisYear = today().getYear();
        model.addAttribute("year", Selection.blank(selection.ar()) && Selection.blank(selection.from())
                && Selection.blank(selection.to()) ? Integer.toString(thisYear) : selection.ar());
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        AggregateQuery query;
        try {
            AggregateParameters parameters = selection.parameters(clock, errors);
            query = parameters.toQuery(clock, properties.maxRange(), scope);
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
        } catch (InvalidRequestException invalid) {
            List<InvalidRequestException.FieldError> all = new ArrayList<>(errors);
            invalid.errors().stream().filter(e -> !all.contains(e)).forEach(all::add);
            model.addAttribute("errors", all);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "statistik";
        } catch (ForbiddenUnitException forbidden) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("reason", "Du kan bara se statistik för dina egna enheter.");
            return "nekad";
        }
        StatisticsReport report = statistics.query(query);
        StatisticsReport units = statistics.query(new AggregateQuery(query.period(), query.from(), query.to(),
                query.filters(), List.of(Dimension.UNIT), scope, false));
        model.addAttribute("report", report);
        model.addAttribute("from", query.from());
        model.addAttribute("to", query.to());
        volumes(report, model);
        units(units, model);
        guarantees(report, model);
        Map<String, String> csv = new LinkedHashMap<>();
        csv.put("from", query.from().toString());
        csv.put("to", query.to().toString());
        csv.put("period", query.period().name().toLowerCase(Locale.ROOT));
        selection.asParameters().forEach(csv::putIfAbsent);
        csv.remove("ar");
        model.addAttribute("csvLink", link(PagesSecurity.HOME + "/export.csv", csv));
        String namnd = selection.namnd();
        if (!Selection.blank(namnd)) {
            Map<String, String> annual = new LinkedHashMap<>();
            annual.put("forvaltning", namnd.strip());
            annual.put("ar", Integer.toString(query.from().getYear()));
            model.addAttribute("annualLink", link(PagesSecurity.HOME + "/arsberattelse", annual));
            model.addAttribute("annualPdfLink", link(PagesSecurity.HOME + "/arsberattelse.pdf", annual));
        }
        return "statistik";
    }

    /** The CSV of the selection: the API's export (UTF-8 with BOM, {@code ;}, decimal comma), in the page's session. */
    @GetMapping(PagesSecurity.HOME + "/export.csv")
    ResponseEntity<?> csv(@ModelAttribute Selection selection, Authentication reader) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        AggregateParameters parameters = selection.parameters(clock, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        StatisticsReport report = statistics.query(parameters.toQuery(clock, properties.maxRange(), staff.scopeOf(reader)));
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("statistik-" + report.period().name().toLowerCase(Locale.ROOT) + "-" + report.from()
                                + "-" + report.to() + ".csv")
                        .build().toString())
                .body(StatisticsCsv.render(report, true));
    }

    /** Where Spring Security forwards a signed-in user without the role (and the status stays 403). */
    @RequestMapping(PagesSecurity.REFUSED)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(@AuthenticationPrincipal StatisticsUser user, Model model) {
        model.addAttribute("signedIn", user == null ? null : user.getUsername());
        return "nekad";
    }

    private void options(UnitScope scope, Model model) {
        Map<String, String> units = new TreeMap<>();
        Map<String, String> namnder = new TreeMap<>();
        counting.namnder().forEach((unit, namnd) -> {
            if (scope.includes(unit)) {
                units.put(unit, names.name(unit));
                namnder.put(namnd, names.name(namnd));
            }
        });
        if (!scope.everyUnit()) {
            scope.units().forEach(unit -> units.putIfAbsent(unit, names.name(unit)));
        }
        model.addAttribute("unitOptions", units);
        model.addAttribute("namndOptions", namnder);
        model.addAttribute("caseTypeOptions", new TreeMap<>(Labels.CASE_TYPES));
        model.addAttribute("kindOptions", new TreeMap<>(Labels.KINDS));
        model.addAttribute("channelOptions", new TreeMap<>(Labels.CHANNELS));
        List<String> years = new ArrayList<>();
        for (int year = today().getYear(); year >= today().getYear() - 5; year--) {
            years.add(Integer.toString(year));
        }
        model.addAttribute("yearOptions", years);
        model.addAttribute("ownUnitsOnly", !scope.everyUnit());
    }

    /** Received and answered per period. */
    private void volumes(StatisticsReport report, Model model) {
        List<String> labels = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (StatisticsReport.Row row : report.rows()) {
            long in = value(row.counts().get("received"));
            long out = value(row.counts().get("answered"));
            labels.add(row.period());
            received.add(in);
            answered.add(out);
            table.add(List.of(row.period(), SwedishNumbers.count(in), SwedishNumbers.count(out),
                    SwedishNumbers.percent(row.figures().get("answeredWithinDeadlineShare"))));
        }
        model.addAttribute("volumeChart", Charts.columns("volymer", "Inkomna och besvarade per period",
                "Stapeldiagram: antal inkomna ärenden och antal första svar per period, " + report.from() + " till "
                        + report.to() + ". Samma siffror finns i tabellen intill.",
                labels, List.of(new Charts.Series("Inkomna", "bar-received", received),
                        new Charts.Series("Besvarade", "bar-answered", answered))));
        model.addAttribute("volumeTable", table);
        StatisticsReport.Row totals = report.totals();
        model.addAttribute("totalReceived", SwedishNumbers.count(value(totals.counts().get("received"))));
        model.addAttribute("totalAnswered", SwedishNumbers.count(value(totals.counts().get("answered"))));
        model.addAttribute("totalInTime", SwedishNumbers.percent(totals.figures().get("answeredWithinDeadlineShare")));
    }

    /** Each unit's received and share answered in time over the whole selection (its periods' rows added up). */
    private void units(StatisticsReport report, Model model) {
        Map<String, long[]> byUnit = new TreeMap<>();
        for (StatisticsReport.Row row : report.rows()) {
            long[] sums = byUnit.computeIfAbsent(row.group().getOrDefault("unit", ""), u -> new long[3]);
            sums[0] += value(row.counts().get("received"));
            sums[1] += value(row.counts().get("answered"));
            sums[2] += value(row.counts().get("answeredWithinDeadline"));
        }
        byUnit.values().removeIf(sums -> sums[0] == 0 && sums[1] == 0);
        List<String> labels = new ArrayList<>();
        List<Double> received = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        double max = 0;
        for (Map.Entry<String, long[]> entry : byUnit.entrySet()) {
            long[] sums = entry.getValue();
            String name = names.name(entry.getKey());
            java.math.BigDecimal share = sums[1] == 0 ? null
                    : java.math.BigDecimal.valueOf(sums[2]).divide(java.math.BigDecimal.valueOf(sums[1]), 4,
                            java.math.RoundingMode.HALF_UP);
            labels.add(name);
            received.add((double) sums[0]);
            shares.add(share == null ? 0 : share.doubleValue());
            max = Math.max(max, sums[0]);
            table.add(List.of(name, SwedishNumbers.count(sums[0]), SwedishNumbers.count(sums[1]),
                    SwedishNumbers.percent(share)));
        }
        model.addAttribute("unitReceivedChart", Charts.bars("enheter-inkomna", "Inkomna per enhet",
                "Liggande staplar: antal inkomna ärenden per enhet i urvalet. Samma siffror finns i tabellen intill.",
                labels, received, Charts.niceCeiling((long) Math.max(1, max)), "bar-received",
                v -> SwedishNumbers.count((long) v)));
        model.addAttribute("unitShareChart", Charts.bars("enheter-i-tid", "Andel besvarade i tid per enhet",
                "Liggande staplar: andelen första svar inom tidsgränsen per enhet, från 0 till 100 procent. Samma "
                        + "siffror finns i tabellen intill.",
                labels, shares, 1.0, "bar-in-time",
                v -> SwedishNumbers.percent(java.math.BigDecimal.valueOf(v))));
        model.addAttribute("unitTable", table);
    }

    /** Each guarantee's share met, from the selection's totals. */
    private void guarantees(StatisticsReport report, Model model) {
        StatisticsReport.Row totals = report.totals();
        List<String> labels = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (String id : new TreeSet<>(report.guarantees().keySet())) {
            String prefix = "guarantee:" + id + ":";
            long met = value(totals.counts().get(prefix + "met"));
            long breached = value(totals.counts().get(prefix + "breached"));
            java.math.BigDecimal share = totals.figures().get(prefix + "metShare");
            String name = names.name(id);
            labels.add(name);
            shares.add(share == null ? 0 : share.doubleValue());
            table.add(List.of(name, Labels.GUARANTEE_TYPES.getOrDefault(report.guarantees().get(id), ""),
                    SwedishNumbers.count(met), SwedishNumbers.count(breached),
                    SwedishNumbers.count(value(totals.counts().get(prefix + "compensations"))),
                    SwedishNumbers.percent(share)));
        }
        model.addAttribute("guaranteeChart", Charts.bars("garantier", "Andel uppfyllda per garanti",
                "Liggande staplar: andelen löften som hölls per tjänstegaranti, lagkrav och riktlinje, från 0 till 100 "
                        + "procent. Samma siffror finns i tabellen intill.",
                labels, shares, 1.0, "bar-met", v -> SwedishNumbers.percent(java.math.BigDecimal.valueOf(v))));
        model.addAttribute("guaranteeTable", table);
    }

    private LocalDate today() {
        return clock.instant().atZone(SwedishCalendar.STOCKHOLM).toLocalDate();
    }

    private static long value(Long count) {
        return count == null ? 0 : count;
    }

    static String link(String path, Map<String, String> parameters) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        parameters.forEach(builder::queryParam);
        return builder.encode().build().toUriString();
    }
}
