package se.medborgardialog.intake.submission;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A small builder for request bodies: start from a typical synpunkt and change what the test is about. */
final class SubmissionJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String kind = "klagomål";
    private String category = "gata-och-trafik";
    private String text = "Gatlyktan utanför Storgatan 12 har varit släckt i en vecka.";
    private String channel = "web";
    private String name = "Karin Berg";
    private String email = "karin@example.se";
    private String phone = "070-123 45 67";
    private boolean anonymous;
    private String receivedAt;

    static SubmissionJson complaint() {
        return new SubmissionJson();
    }

    /** A letter that arrived on Friday afternoon and is registered on Monday. */
    static SubmissionJson letter() {
        return new SubmissionJson().channel("brev").receivedAt("2026-11-20T14:05:00+01:00");
    }

    SubmissionJson kind(String kind) {
        this.kind = kind;
        return this;
    }

    SubmissionJson category(String category) {
        this.category = category;
        return this;
    }

    SubmissionJson text(String text) {
        this.text = text;
        return this;
    }

    String text() {
        return text;
    }

    SubmissionJson channel(String channel) {
        this.channel = channel;
        return this;
    }

    SubmissionJson email(String email) {
        this.email = email;
        return this;
    }

    SubmissionJson anonymous() {
        this.anonymous = true;
        return this;
    }

    SubmissionJson receivedAt(String receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    SubmissionRequest request() {
        return new SubmissionRequest(kind, category, text, channel,
                anonymous ? null : new SubmissionRequest.ContactRequest(name, email, phone), receivedAt);
    }

    String json() {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfPresent(body, "kind", kind);
        putIfPresent(body, "category", category);
        putIfPresent(body, "text", text);
        putIfPresent(body, "channel", channel);
        if (!anonymous) {
            Map<String, Object> contact = new LinkedHashMap<>();
            putIfPresent(contact, "name", name);
            putIfPresent(contact, "email", email);
            putIfPresent(contact, "phone", phone);
            body.put("contact", contact);
        }
        putIfPresent(body, "receivedAt", receivedAt);
        return JSON.writeValueAsString(body);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
