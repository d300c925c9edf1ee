package se.medborgardialog.cases.casework;

import java.io.ByteArrayOutputStream;
import org.apache.commons.csv.CSVFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import se.medborgardialog.cases.web.Swedish;

/**
 * A case's history as CSV the way Swedish Excel opens it by double-click: UTF-8 with a byte order mark, {@code ;}
 * between fields, CRLF line ends, fields quoted RFC 4180 style when they need it. Times in Europe/Stockholm.
 */
final class HistoryCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final List<String> HEADER = List.of("tidpunkt", "vem", "vad");
    /** RFC 4180 quoting (fields with {@code ;}, quotes or line breaks), {@code ;} and CRLF as Swedish Excel expects. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .get();

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
        text.append(FORMAT.format(fields.stream().map(HistoryCsv::neutralised).toArray()))
                .append(FORMAT.getRecordSeparator());
    }

    /** One field as it stands in the file: neutralised, then quoted by the CSV format when it needs it. */
    static String field(String value) {
        // the format quotes a lone empty value (a record of one empty field would read as a blank line); a field
        // among others needs no quotes
        return value.isEmpty() ? value : FORMAT.format(neutralised(value));
    }

    // Excel runs a cell starting with = + - @ as a formula
    private static String neutralised(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
