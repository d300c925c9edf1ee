package se.medborgardialog.intake.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.intake.category.CategoryCatalogue;
import se.medborgardialog.intake.web.ContactRules;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;

/** Checks a request field by field and maps its Swedish words to the contract; reports every problem at once. */
@Component
class SubmissionValidator {

    static final int MAX_TEXT_LENGTH = 5000;
    static final int MAX_NAME_LENGTH = ContactRules.MAX_NAME_LENGTH;
    static final int MAX_EMAIL_LENGTH = ContactRules.MAX_EMAIL_LENGTH;

    private final CategoryCatalogue catalogue;
    private final SubmissionProperties properties;
    private final Clock clock;

    SubmissionValidator(CategoryCatalogue catalogue, SubmissionProperties properties, Clock clock) {
        this.catalogue = catalogue;
        this.properties = properties;
        this.clock = clock;
    }

    ValidSubmission validate(SubmissionRequest request) {
        List<FieldViolation> errors = new ArrayList<>();

        SynpunktKind kind = null;
        if (isBlank(request.kind())) {
            errors.add(new FieldViolation("kind", "Ange typ av synpunkt: " + SwedishTerms.KIND_WORDS + "."));
        } else {
            kind = SwedishTerms.kind(request.kind()).orElse(null);
            if (kind == null) {
                errors.add(new FieldViolation("kind", "Okänd typ av synpunkt. Tillåtna värden: "
                        + SwedishTerms.KIND_WORDS + "."));
            }
        }

        // An absent channel means the citizen used the web form, the common case.
        Channel channel = Channel.WEB;
        if (request.channel() != null) {
            channel = SwedishTerms.channel(request.channel()).orElse(null);
            if (channel == null) {
                errors.add(new FieldViolation("channel", "Okänd kanal. Tillåtna värden: "
                        + SwedishTerms.CHANNEL_WORDS + "."));
            }
        }

        if (isBlank(request.category())) {
            errors.add(new FieldViolation("category", "Ange en kategori."));
        } else if (!catalogue.contains(request.category())) {
            errors.add(new FieldViolation("category", "Okänd kategori. Se GET /api/v1/categories."));
        }

        String text = request.text() == null ? null : request.text().strip();
        if (isBlank(text)) {
            errors.add(new FieldViolation("text", "Skriv din synpunkt."));
        } else if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            errors.add(new FieldViolation("text", "Texten får vara högst " + MAX_TEXT_LENGTH + " tecken."));
        }

        Contact contact = contact(request.contact(), errors);
        Instant receivedAt = receivedAt(request.receivedAt(), errors);

        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ValidSubmission(kind, request.category(), text, channel, contact, receivedAt);
    }

    private static Contact contact(SubmissionRequest.ContactRequest given, List<FieldViolation> errors) {
        return given == null ? null : ContactRules.check(given.name(), given.email(), given.phone(), errors);
    }

    private Instant receivedAt(String given, List<FieldViolation> errors) {
        if (given == null) {
            return null;
        }
        Instant receivedAt;
        try {
            receivedAt = OffsetDateTime.parse(given.strip()).toInstant();
        } catch (DateTimeParseException invalid) {
            errors.add(new FieldViolation("receivedAt",
                    "Ogiltig tidpunkt. Ange datum och tid med tidszon, t.ex. 2026-11-20T14:05:00+01:00."));
            return null;
        }
        Instant now = clock.instant();
        if (receivedAt.isAfter(now.plus(properties.allowedClockSkew()))) {
            errors.add(new FieldViolation("receivedAt", "Tidpunkten för mottagandet kan inte ligga i framtiden."));
        } else if (receivedAt.isBefore(now.minus(properties.maxBackdating()))) {
            errors.add(new FieldViolation("receivedAt", "Tidpunkten för mottagandet får ligga högst "
                    + properties.maxBackdating().toDays() + " dagar tillbaka."));
        }
        return receivedAt;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

}
