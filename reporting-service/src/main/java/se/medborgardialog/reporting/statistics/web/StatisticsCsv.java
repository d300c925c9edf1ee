package se.medborgardialog.reporting.statistics.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import se.medborgardialog.reporting.statistics.StatisticsReport;

/**
 * The aggregate report as CSV for Excel: UTF-8 with a byte order mark, {@code ;} between fields, CRLF, one line per row
 * and a last line {@code total}; a suppressed cell reads {@code ..} (as in Statistics Sweden's tables); shares with a
 * decimal point, or a decimal comma on request (Swedish Excel reads {@code 0,8571} as a number).
 */
public final class StatisticsCsv {

    static final String SUPPRESSED = "..";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .get();

    private StatisticsCsv() {
    }

    public static byte[] render(StatisticsReport report, boolean decimalComma) {
        List<StatisticsReport.Row> rows = new ArrayList<>(report.rows());
        rows.add(report.totals());
        Set<String> counts = new LinkedHashSet<>();
        Set<String> figures = new LinkedHashSet<>();
        rows.forEach(row -> {
            counts.addAll(row.counts().keySet());
            figures.addAll(row.figures().keySet());
        });
        StringBuilder text = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("period", "from", "to", "municipality"));
        header.addAll(report.groupBy());
        header.addAll(counts);
        header.addAll(figures);
        line(text, header);
        for (StatisticsReport.Row row : rows) {
            List<String> fields = new ArrayList<>(List.of(row.period(), row.from().toString(), row.to().toString(),
                    report.municipality()));
            report.groupBy().forEach(dimension -> fields.add(row.group().getOrDefault(dimension, "")));
            counts.forEach(name -> fields.add(row.suppressed().contains(name) ? SUPPRESSED
                    : row.counts().containsKey(name) ? String.valueOf(row.counts().get(name)) : "0"));
            figures.forEach(name -> fields.add(row.suppressed().contains(name) ? SUPPRESSED
                    : decimal(row.figures().get(name), decimalComma)));
            line(text, fields);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(SynpunktCsv.BOM);
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String decimal(BigDecimal value, boolean comma) {
        if (value == null) {
            return "";
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return comma ? plain.replace('.', ',') : plain;
    }

    private static void line(StringBuilder text, List<String> fields) {
        text.append(FORMAT.format(fields.stream().map(SynpunktCsv::neutralised).toArray())).append(FORMAT.getRecordSeparator());
    }
}
