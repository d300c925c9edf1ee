package se.medborgardialog.intake.submission;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.AttachmentRef;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.workingdays.SwedishCalendar;

/** Writes the receipt: when an answer is due on the Swedish working-day calendar, and a thank-you in Swedish. */
@Component
class ReceiptWriter {

    private static final DateTimeFormatter SWEDISH_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("sv-SE"));

    private final SwedishCalendar calendar;
    private final SubmissionProperties properties;

    ReceiptWriter(SwedishCalendar calendar, SubmissionProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    Receipt receiptFor(SynpunktSubmitted submission) {
        SwedishCalendar.Deadline deadline =
                calendar.deadline(submission.receivedAt(), properties.answerWithinWorkingDays());
        Contact contact = submission.contact();
        boolean anonymous = contact == null;
        return new Receipt(
                submission.submissionId().toString(),
                submission.trackingCode().value(),
                submission.receivedAt().atZone(SwedishCalendar.STOCKHOLM)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                deadline.dueDate().toString(),
                deadline.dueAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                anonymous,
                message(contact, deadline),
                submission.attachments() == null ? List.of()
                        : submission.attachments().stream().map(AttachmentRef::fileName).toList());
    }

    private static String message(Contact contact, SwedishCalendar.Deadline deadline) {
        if (contact == null) {
            return "Tack för din synpunkt! Den är registrerad, men eftersom du inte lämnade några "
                    + "kontaktuppgifter kan vi inte svara dig.";
        }
        if (contact.email() == null && contact.phone() == null) {
            return "Tack för din synpunkt! Den är registrerad, men eftersom du inte lämnade någon "
                    + "e-postadress eller något telefonnummer kan vi inte svara dig.";
        }
        return "Tack för din synpunkt! Du får svar senast " + SWEDISH_DATE.format(deadline.dueDate()) + ".";
    }
}
