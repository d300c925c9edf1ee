package se.medborgardialog.intake.avvikelse;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.AffectedPerson;
import se.medborgardialog.contracts.Law;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.intake.submission.SubmissionProperties;
import se.medborgardialog.intake.web.FieldViolation;
import se.medborgardialog.intake.web.InvalidRequestException;
import se.medborgardialog.personaldata.Personnummer;

/** Checks an avvikelse and names every offending field in Swedish; never echoes what was typed. */
@Component
class AvvikelseValidator {

    static final int MAX_TEXT_LENGTH = 8000;
    static final int MAX_UNIT_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 200;
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final Clock clock;
    private final SubmissionProperties properties;

    AvvikelseValidator(Clock clock, SubmissionProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    ValidAvvikelse validate(AvvikelseRequest request) {
        if (request == null) {
            throw new InvalidRequestException(new FieldViolation("whatHappened", "Beskriv vad som hänt."));
        }
        List<FieldViolation> errors = new ArrayList<>();
        Law law = law(request.law(), errors);
        LegalFlow flow = legalFlow(law, request.legalFlow(), errors);

        String unit = trimmed(request.unit());
        if (unit == null) {
            errors.add(new FieldViolation("unit", "Ange vilken enhet avvikelsen gäller."));
        } else if (unit.length() > MAX_UNIT_LENGTH) {
            errors.add(new FieldViolation("unit", "Enheten får vara högst " + MAX_UNIT_LENGTH + " tecken."));
        }

        String whatHappened = text(request.whatHappened(), "whatHappened", "Beskriv vad som hänt.", errors);
        String measures = trimmed(request.immediateMeasures());
        if (measures != null && measures.length() > MAX_TEXT_LENGTH) {
            errors.add(new FieldViolation("immediateMeasures",
                    "Beskrivningen av åtgärderna får vara högst " + MAX_TEXT_LENGTH + " tecken."));
        } else if (measures == null && flow != null && LegalFlows.requiresImmediateMeasures(flow)) {
            errors.add(new FieldViolation("immediateMeasures", "Beskriv vilka åtgärder som vidtogs direkt. "
                    + LegalFlows.name(flow) + " kräver att omedelbara åtgärder vidtas."));
        }

        Instant now = clock.instant();
        Instant occurredAt = time(request.occurredAt(), "occurredAt", "när det hände", now, errors);
        Instant noticedAt = time(request.noticedAt(), "noticedAt", "när det upptäcktes", now, errors);
        if (occurredAt != null && noticedAt != null && noticedAt.isBefore(occurredAt)) {
            errors.add(new FieldViolation("noticedAt",
                    "Tidpunkten när det upptäcktes kan inte vara före tidpunkten när det hände."));
        }

        AffectedPerson person = affectedPerson(request.affectedPerson(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ValidAvvikelse(law, flow, unit, whatHappened, occurredAt, noticedAt, measures, person);
    }

    private static Law law(String text, List<FieldViolation> errors) {
        String value = trimmed(text);
        if (value == null) {
            errors.add(new FieldViolation("law", "Ange vilken lag avvikelsen faller under."));
            return null;
        }
        try {
            return Law.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.add(new FieldViolation("law", "Okänd lag. Välj SoL, LSS, HSL eller skollagen."));
            return null;
        }
    }

    private static LegalFlow legalFlow(Law law, String text, List<FieldViolation> errors) {
        String value = trimmed(text);
        if (value == null) {
            if (law == null) {
                return null;
            }
            List<LegalFlow> allowed = LegalFlows.allowedUnder(law);
            if (allowed.size() == 1) {
                return allowed.get(0);
            }
            errors.add(new FieldViolation("legalFlow", "Ange om det gäller kränkande behandling eller klagomål "
                    + "på utbildningen."));
            return null;
        }
        LegalFlow flow;
        try {
            flow = LegalFlow.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.add(new FieldViolation("legalFlow", "Okänt flöde. Välj lex Sarah, lex Maria, kränkande "
                    + "behandling eller klagomål på utbildningen."));
            return null;
        }
        if (law != null && !LegalFlows.allowedUnder(law).contains(flow)) {
            errors.add(new FieldViolation("legalFlow", LegalFlows.name(flow) + " hör inte till "
                    + LegalFlows.lawName(law) + ". Välj " + String.join(" eller ",
                    LegalFlows.allowedUnder(law).stream().map(LegalFlows::name).toList()) + "."));
            return null;
        }
        return flow;
    }

    private static String text(String text, String field, String missing, List<FieldViolation> errors) {
        String value = trimmed(text);
        if (value == null) {
            errors.add(new FieldViolation(field, missing));
        } else if (value.length() > MAX_TEXT_LENGTH) {
            errors.add(new FieldViolation(field, "Texten får vara högst " + MAX_TEXT_LENGTH + " tecken."));
        }
        return value;
    }

    private Instant time(String text, String field, String what, Instant now, List<FieldViolation> errors) {
        String value = trimmed(text);
        if (value == null) {
            errors.add(new FieldViolation(field, "Ange " + what + "."));
            return null;
        }
        Instant instant = parseTime(value);
        if (instant == null) {
            errors.add(new FieldViolation(field, "Ange " + what + " som datum och klockslag, t.ex. "
                    + "2026-11-23T09:30."));
            return null;
        }
        if (instant.isAfter(now.plus(properties.allowedClockSkew()))) {
            errors.add(new FieldViolation(field, "Tidpunkten för " + what + " kan inte ligga i framtiden."));
            return null;
        }
        return instant;
    }

    /** An ISO instant or offset date-time, or a local date-time in Swedish time; null when it is neither. */
    static Instant parseTime(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notOffset) {
            try {
                return LocalDateTime.parse(value).atZone(STOCKHOLM).toInstant();
            } catch (DateTimeException notLocal) {
                return null;
            }
        }
    }

    private AffectedPerson affectedPerson(AvvikelseRequest.AffectedPersonRequest person, List<FieldViolation> errors) {
        if (person == null) {
            return null;
        }
        String name = trimmed(person.name());
        String number = trimmed(person.personnummer());
        boolean protectedIdentity = Boolean.TRUE.equals(person.protectedIdentity());
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldViolation("affectedPerson.name", "Namnet får vara högst " + MAX_NAME_LENGTH
                    + " tecken."));
        }
        String digits = null;
        if (number != null) {
            try {
                digits = Personnummer.parse(number, clock).digits();
            } catch (Personnummer.InvalidPersonnummerException invalid) {
                errors.add(new FieldViolation("affectedPerson.personnummer", invalid.problem().message()));
            }
        }
        if (name == null && number == null && !protectedIdentity) {
            return null;
        }
        return new AffectedPerson(name, digits, protectedIdentity);
    }

    private static String trimmed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip();
    }
}
