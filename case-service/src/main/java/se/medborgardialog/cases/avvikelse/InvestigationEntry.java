package se.medborgardialog.cases.avvikelse;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of an avvikelse's investigation. The source and the text are personal data: stored only as
 * {@code PersonalDataCipher} ciphertext and opened in the audited read.
 *
 * @param number          1, 2, … in the order recorded
 * @param concerns        the date the entry is about
 * @param measureTakenAt  for an {@link EntryType#ATGARD}: when the measure was taken; null for the other types
 * @param author          the signed-in user who recorded it
 */
public record InvestigationEntry(int number, EntryType type, LocalDate concerns, String sourceEncrypted,
        String textEncrypted, Instant measureTakenAt, String author, Instant recordedAt) {
}
