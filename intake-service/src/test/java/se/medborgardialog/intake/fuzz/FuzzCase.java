package se.medborgardialog.intake.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of a fuzz run and what may come back.
 *
 * @param what     what was done to the request, for the failure message
 * @param method   the HTTP method
 * @param path     the path with its (already encoded) query
 * @param headers  request headers (Content-Type among them)
 * @param body     the body's bytes, or null for none
 * @param chunked  send the body without a Content-Length
 * @param expect   what the answer may be
 */
record FuzzCase(String what, String method, String path, Map<String, String> headers, byte[] body,
        boolean chunked, Expect expect) {

    enum Expect {
        /** a valid request: 2xx */
        SUCCESS,
        /** invalid: 4xx */
        REFUSAL,
        /** either: e.g. odd but acceptable text, an optional field left out */
        EITHER
    }

    static FuzzCase get(String what, String path, Expect expect) {
        return new FuzzCase(what, "GET", path, new LinkedHashMap<>(), null, false, expect);
    }

    static FuzzCase send(String what, String method, String path, String contentType, byte[] body, Expect expect) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new FuzzCase(what, method, path, headers, body, false, expect);
    }

    static FuzzCase json(String what, String method, String path, String json, Expect expect) {
        return send(what, method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), expect);
    }

    FuzzCase header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new FuzzCase(what, method, path, copy, body, chunked, expect);
    }

    FuzzCase withoutLength() {
        return new FuzzCase(what + " (chunked)", method, path, headers, body, true, expect);
    }

    /** Where the answer's rules come from. */
    Surface surface() {
        if (path.startsWith("/api/")) {
            return Surface.API;
        }
        if (path.startsWith("/open311/")) {
            return Surface.OPEN311;
        }
        return Surface.PAGE;
    }

    enum Surface {
        /** problem+json naming the field */
        API,
        /** GeoReport v2's error list */
        OPEN311,
        /** a Swedish page */
        PAGE
    }

    String describe() {
        String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 600), StandardCharsets.UTF_8)
                + (body.length > 600 ? "… (" + body.length + " bytes)" : "");
        return what + ": " + method + " " + path + " " + headers + (shown.isEmpty() ? "" : "\n  body: " + escape(shown));
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return escaped.toString();
    }
}
