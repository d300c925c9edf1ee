package se.medborgardialog.cases.casework;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import se.medborgardialog.cases.web.Swedish;

/**
 * A case's history as CSV the way Swedish Excel opens it by double-click: UTF-8 with a byte order mark, {@code ;}
 * between fields, CRLF line ends, fields quoted RFC 4180 style when they need it. Times in Europe/Stockholm.
 */
final class HistoryCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final List<String> HEADER = List.of("tidpunkt", "vem", "vad");
    private static final char SEPARATOR = ';';

    private HistoryCsv() {
    }

    static byte[] render(List<HistoryEntry> history) {
        StringBuilder text = new StringBuilder();
        line(text, HEADER);
        for (HistoryEntry step : history) {
            line(text, List.of(Swedish.dateTime(step.when()), nullToEmpty(step.who()), nullToEmpty(step.what())));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void line(StringBuilder text, List<String> fields) {
        text.append(fields.stream().map(HistoryCsv::field).collect(Collectors.joining(String.valueOf(SEPARATOR))))
                .append("\r\n");
    }

    static String field(String value) {
        String safe = value;
        // Excel runs a cell starting with = + - @ as a formula
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.indexOf(SEPARATOR) >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
