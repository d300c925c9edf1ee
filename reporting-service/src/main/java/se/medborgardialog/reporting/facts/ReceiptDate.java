package se.medborgardialog.reporting.facts;

import java.time.Instant;
import java.time.LocalDate;
import se.medborgardialog.workingdays.SwedishCalendar;

/**
 * The day a synpunkt was received: the Europe/Stockholm calendar date of the event's own {@code receivedAt},
 * never the time reporting-service processed it (a letter registered on Monday was received on Friday).
 */
public final class ReceiptDate {

    private ReceiptDate() {
    }

    public static LocalDate of(Instant receivedAt) {
        return receivedAt.atZone(SwedishCalendar.STOCKHOLM).toLocalDate();
    }
}
