package se.medborgardialog.reporting.statistics.web;

import java.io.ByteArrayOutputStream;
import org.apache.commons.csv.CSVFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import se.medborgardialog.reporting.statistics.StatisticsRow;
import se.medborgardialog.reporting.statistics.SynpunktStatistics;

/**
 * Statistics as CSV the way Swedish Excel opens it by double-click: UTF-8 with a byte order mark (without it
 * Excel guesses Windows-1252 and mangles å, ä, ö), {@code ;} between fields (the comma is the decimal sign),
 * CRLF line ends, fields quoted RFC 4180 style when they need it.
 */
final class SynpunktCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final List<String> HEADER = List.of(
            "datum", "typ", "kategori", "enhet", "inkomna", "besvarade", "besvarade_i_tid", "overskridna", "oppna");
    /** RFC 4180 quoting (fields with {@code ;}, quotes or line breaks), {@code ;} and CRLF as Swedish Excel expects. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .get();

    private SynpunktCsv() {
    }

    static byte[] render(SynpunktStatistics statistics) {
        StringBuilder text = new StringBuilder();
        line(text, HEADER);
        for (StatisticsRow row : statistics.rows()) {
            line(text, Stream.of(row.date(), row.kind(), row.category(), row.unit(), row.received(), row.answered(),
                            row.answeredWithinDeadline(), row.breached(), row.open())
                    .map(value -> value == null ? "" : value.toString())
                    .toList());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void line(StringBuilder text, List<String> fields) {
        text.append(FORMAT.format(fields.stream().map(SynpunktCsv::neutralised).toArray()))
                .append(FORMAT.getRecordSeparator());
    }

    /** One field as it stands in the file: neutralised, then quoted by the CSV format when it needs it. */
    static String field(String value) {
        // the format quotes a lone empty value (a record of one empty field would read as a blank line); a field
        // among others needs no quotes
        return value.isEmpty() ? value : FORMAT.format(neutralised(value));
    }

    // Excel runs a cell starting with = + - @ as a formula; category and unit names come from other systems.
    static String neutralised(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
