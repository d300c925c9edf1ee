package se.medborgardialog.intake.fuzz;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of what a careless or hostile client sends: Unicode edge cases, markup and script, wrong JSON
 * types. Every value comes from the {@link Random} it is given, so one seed replays a whole run.
 */
final class HostileInput {

    /** Markup and script that must never come back as markup: each sets {@code window.__fuzzed} if it ever runs. */
    static final List<String> MARKUP = List.of(
            "<script>window.__fuzzed=1</script>",
            "<img src=x onerror=\"window.__fuzzed=1\">",
            "<svg onload=window.__fuzzed=1>",
            "\"><script>window.__fuzzed=1</script>",
            "'><img src=x onerror=window.__fuzzed=1>",
            "</textarea><script>window.__fuzzed=1</script>",
            "</title><script>window.__fuzzed=1</script>",
            "<iframe srcdoc=\"<script>parent.__fuzzed=1</script>\"></iframe>",
            "<a href=\"javascript:window.__fuzzed=1\">klicka</a>",
            "<details open ontoggle=window.__fuzzed=1>",
            "<!--<script>window.__fuzzed=1</script>-->",
            "<![CDATA[<script>window.__fuzzed=1</script>]]>",
            "${7*7} #{7*7} [[${7*7}]] [(${T(java.lang.Runtime)})] __${7*7}__::x",
            "{{constructor.constructor('window.__fuzzed=1')()}}",
            "%3Cscript%3Ewindow.__fuzzed=1%3C/script%3E",
            "&lt;script&gt;window.__fuzzed=1&lt;/script&gt;");

    /** Text that is hard on encoders, normalisers and databases, but that a person could have typed or pasted. */
    static final List<String> UNICODE = List.of(
            "\uD800",                                  // a lone high surrogate
            "\uDC00 efter",                            // a lone low surrogate
            "före \u0000 efter",                       // NUL
            "\u202Egnäl\u202C och \u2066isolerat\u2069", // right-to-left override, isolates
            "e\u0301\u0301\u0301\u0301\u0301\u0301 Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357", // combining marks
            "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", // 4-byte emoji, ZWJ
            Normalizer.normalize("Åsa Öberg, Ängelholm", Normalizer.Form.NFD),
            Normalizer.normalize("ﬁ Ⅻ ｈｅｊ ㎏", Normalizer.Form.NFKC) + " ﬁ Ⅻ ｈｅｊ ㎏",
            "\uFEFFmed BOM\uFFFE\uFFFF",
            "rad1\r\nrad2\rrad3\u2028rad4\u2029",
            "\u0007\u0008\u001B[31mröd\u001B[0m",
            "\u200B\u200C\u200D\u2060osynligt",
            "\uDBFF\uDFFF plan 16 \uD834\uDD1E");

    /** Strings that are fine as free text. */
    static final List<String> PLAIN = List.of(
            "Gatlyktan på Storgatan 12 är släckt sedan en vecka.",
            "Bänken i parken vid Åvägen är sönder.",
            "Tack för snabb snöröjning!");

    private HostileInput() {
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Free text: plain, or with markup, a Unicode edge case or both mixed in. */
    static String text(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> pick(random, PLAIN);
            case 1 -> pick(random, MARKUP);
            case 2 -> pick(random, UNICODE);
            case 3 -> pick(random, PLAIN) + " " + pick(random, MARKUP) + " " + pick(random, UNICODE);
            default -> randomCodePoints(random, 1 + random.nextInt(40));
        };
    }

    /** Code points from the whole range, surrogates and unassigned ones included. */
    static String randomCodePoints(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                text.append((char) random.nextInt(0x10000));              // any UTF-16 unit, lone surrogates too
            } else if (kind == 1) {
                text.appendCodePoint(0x10000 + random.nextInt(0x100000));  // supplementary planes
            } else if (kind == 2) {
                text.append((char) random.nextInt(0x20));                  // controls
            } else {
                text.append("aåäöÅÄÖ<>&\"'`=/\\;{}[]%".charAt(random.nextInt(22)));
            }
        }
        return text.toString();
    }

    /** A JSON value of a random type: what a client that got the schema wrong would send for any field. */
    static String wrongJsonValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "[\"en\",\"lista\"]";
            case 1 -> Long.toString(random.nextLong());
            case 2 -> "1e400";
            case 3 -> "{\"inuti\":{\"djupt\":[1,2,3]}}";
            case 4 -> random.nextBoolean() ? "true" : "false";
            case 5 -> "null";
            case 6 -> "[]";
            case 7 -> "{}";
            default -> "-0.0000000000000000000000001";
        };
    }

    /** A JSON string literal; lone surrogates written as escapes, as a JavaScript client would. */
    static String jsonString(String value) {
        StringBuilder json = new StringBuilder("\"");
        value.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').append((char) c);
            } else if (c < 0x20 || Character.isSurrogate((char) c) || c == 0x2028 || c == 0x2029) {
                json.append(String.format("\\u%04x", c));
            } else {
                json.append((char) c);
            }
        });
        return json.append('"').toString();
    }

    /** {@code depth} nested arrays or objects. */
    static String deeplyNested(int depth, boolean arrays) {
        StringBuilder json = new StringBuilder(depth * 8);
        for (int i = 0; i < depth; i++) {
            json.append(arrays ? "[" : "{\"a\":");
        }
        json.append('1');
        for (int i = 0; i < depth; i++) {
            json.append(arrays ? "]" : "}");
        }
        return json.toString();
    }

    /** Bytes that are not UTF-8: overlong forms, lone continuation bytes, a CESU-8 surrogate, 0xFF. */
    static byte[] invalidUtf8(Random random, byte[] valid) {
        byte[][] bad = {
                {(byte) 0xC0, (byte) 0xBC},                         // overlong '<'
                {(byte) 0xE0, (byte) 0x80, (byte) 0xBC},            // overlong '<' again
                {(byte) 0x80},                                       // lone continuation byte
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},            // an encoded surrogate
                {(byte) 0xFF, (byte) 0xFE},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
                {(byte) 0xE2, (byte) 0x82}};                         // truncated sequence
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = valid.length == 0 ? 0 : random.nextInt(valid.length);
        byte[] result = new byte[valid.length + insert.length];
        System.arraycopy(valid, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(valid, at, result, at + insert.length, valid.length - at);
        return result;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
