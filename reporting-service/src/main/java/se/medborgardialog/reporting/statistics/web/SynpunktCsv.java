package se.medborgardialog.reporting.statistics.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
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
    private static final char SEPARATOR = ';';

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
        text.append(fields.stream().map(SynpunktCsv::field).collect(Collectors.joining(String.valueOf(SEPARATOR))))
                .append("\r\n");
    }

    static String field(String value) {
        String safe = value;
        // Excel runs a cell starting with = + - @ as a formula; category and unit names come from other systems.
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.indexOf(SEPARATOR) >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
