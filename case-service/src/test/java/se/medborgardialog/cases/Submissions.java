package se.medborgardialog.cases;

import java.util.List;
import java.time.Instant;
import java.util.UUID;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.TrackingCode;

/** Test submissions: a reachable citizen by default, tweaked with the withers. */
public record Submissions(UUID id, String category, Contact contact, Instant receivedAt,
        List<AttachmentRef> attachments) {

    public static Submissions aSubmission() {
        return new Submissions(UUID.randomUUID(), "gata-och-trafik",
                new Contact("Greta Gatsten", "greta@example.se", null), Instant.parse("2026-03-02T09:15:00Z"),
                List.of());
    }

    public Submissions inCategory(String newCategory) {
        return new Submissions(id, newCategory, contact, receivedAt, attachments);
    }

    public Submissions anonymous() {
        return new Submissions(id, category, null, receivedAt, attachments);
    }

    public Submissions withContact(Contact newContact) {
        return new Submissions(id, category, newContact, receivedAt, attachments);
    }

    public Submissions receivedAt(Instant instant) {
        return new Submissions(id, category, contact, instant, attachments);
    }

    public Submissions withAttachments(AttachmentRef... files) {
        return new Submissions(id, category, contact, receivedAt, List.of(files));
    }

    public SynpunktSubmitted build() {
        return new SynpunktSubmitted(new SubmissionId(id), new TrackingCode("MD-" + id.toString().substring(0, 8)),
                SynpunktKind.KLAGOMAL, category, "Gatlampan utanför Storgatan 5 är trasig.", Channel.WEB,
                receivedAt, receivedAt, contact, null, attachments, null);
    }
}
