package se.medborgardialog.cases.avvikelse;

import java.time.Instant;
import java.time.LocalDate;

/** The report to IVO (Inspektionen för vård och omsorg): when it was made and IVO's reference number. */
public record IvoReport(LocalDate reportedOn, String ivoReference, String recordedBy, Instant recordedAt) {
}
