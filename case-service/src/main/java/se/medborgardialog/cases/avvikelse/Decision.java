package se.medborgardialog.cases.avvikelse;

import java.time.Instant;

/**
 * The decision whether the missförhållande (lex Sarah) or vårdskada (lex Maria) is serious, which is what takes it to
 * IVO. Recorded once and never changed: a changed decision is a new one that supersedes it.
 *
 * @param supersedes          the number of the decision it replaces; null for the first
 * @param motivationEncrypted personal data: ciphertext
 */
public record Decision(int number, boolean serious, String motivationEncrypted, String decidedBy, Instant decidedAt,
        Integer supersedes) {
}
