package se.medborgardialog.intake.submission;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.Contact;
import se.medborgardialog.contracts.SubmissionId;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.contracts.SynpunktSubmitted;
import se.medborgardialog.contracts.TrackingCode;
import se.medborgardialog.workingdays.SwedishCalendar;

class ReceiptWriterTests {

    final ReceiptWriter writer = new ReceiptWriter(new SwedishCalendar(),
            new SubmissionProperties(2, Duration.ofDays(365), Duration.ofMinutes(5), Duration.ofSeconds(30)));

    @Test
    void promisesAnAnswerTwoWorkingDaysAfterTheStockholmDateOfReceipt() {
        Receipt receipt = writer.receiptFor(submitted("2026-11-23T10:00:00Z", new Contact("Karin", "k@example.se", null)));

        assertThat(receipt.receivedAt()).isEqualTo("2026-11-23T11:00:00+01:00");
        assertThat(receipt.answerBy()).isEqualTo("2026-11-25");
        assertThat(receipt.answerByAt()).isEqualTo("2026-11-25T23:59:59.999999999+01:00");
        assertThat(receipt.anonymous()).isFalse();
        assertThat(receipt.message()).isEqualTo("Tack för din synpunkt! Du får svar senast onsdag 25 november 2026.");
    }

    @Test
    void countsFromTheSwedishDateNotTheUtcDateNearMidnight() {
        // 23:30 UTC on Friday is already Saturday in Stockholm: Monday and Tuesday are the working days.
        Receipt receipt = writer.receiptFor(submitted("2026-11-20T23:30:00Z", new Contact(null, "k@example.se", null)));

        assertThat(receipt.receivedAt()).isEqualTo("2026-11-21T00:30:00+01:00");
        assertThat(receipt.answerBy()).isEqualTo("2026-11-24");
    }

    @Test
    void skipsChristmasHolidays() {
        // Received Wednesday 23 December: julafton, juldagen, annandag jul and the weekend are not working days.
        Receipt receipt = writer.receiptFor(submitted("2026-12-23T09:00:00Z", new Contact(null, null, "0701234567")));

        assertThat(receipt.answerBy()).isEqualTo("2026-12-29");
        assertThat(receipt.message()).endsWith("tisdag 29 december 2026.");
    }

    @Test
    void tellsAnAnonymousSenderThatTheSynpunktCannotBeAnswered() {
        Receipt receipt = writer.receiptFor(submitted("2026-11-23T10:00:00Z", null));

        assertThat(receipt.anonymous()).isTrue();
        assertThat(receipt.message()).contains("registrerad").contains("kan vi inte svara dig")
                .doesNotContain("senast");
    }

    @Test
    void doesNotPromiseAnAnswerToANameWithoutAddressOrNumber() {
        Receipt receipt = writer.receiptFor(submitted("2026-11-23T10:00:00Z", new Contact("Karin", null, null)));

        assertThat(receipt.anonymous()).isFalse();
        assertThat(receipt.message()).contains("kan vi inte svara dig");
    }

    private static SynpunktSubmitted submitted(String receivedAt, Contact contact) {
        return new SynpunktSubmitted(new SubmissionId(UUID.randomUUID()), new TrackingCode("7KQF-3M9X-WD2P-8HNA"),
                SynpunktKind.KLAGOMAL, "gata-och-trafik", "Text", Channel.WEB, Instant.parse(receivedAt),
                Instant.parse(receivedAt), contact, null, List.of(), null);
    }
}
