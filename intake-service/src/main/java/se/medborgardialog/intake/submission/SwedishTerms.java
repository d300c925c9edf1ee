package se.medborgardialog.intake.submission;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.SynpunktKind;

/** The Swedish words the API speaks, and the contract enums they stand for. */
final class SwedishTerms {

    static final Map<String, SynpunktKind> KINDS = Map.of(
            "beröm", SynpunktKind.BEROM,
            "klagomål", SynpunktKind.KLAGOMAL,
            "förslag", SynpunktKind.FORSLAG,
            "fråga", SynpunktKind.FRAGA);

    static final Map<String, Channel> CHANNELS = Map.of(
            "web", Channel.WEB,
            "app", Channel.APP,
            "e-post", Channel.E_POST,
            "brev", Channel.BREV,
            "telefon", Channel.TELEFON,
            "besök", Channel.BESOK);

    static final String KIND_WORDS = "beröm, klagomål, förslag eller fråga";
    static final String CHANNEL_WORDS = "web, app, e-post, brev, telefon eller besök";

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private SwedishTerms() {
    }

    static Optional<SynpunktKind> kind(String word) {
        return Optional.ofNullable(KINDS.get(normalize(word)));
    }

    static Optional<Channel> channel(String word) {
        return Optional.ofNullable(CHANNELS.get(normalize(word)));
    }

    /** Letters, phone calls, e-mails and visits reach staff, who register them on the person's behalf. */
    static boolean registeredByStaff(Channel channel) {
        return switch (channel) {
            case WEB, APP -> false;
            case E_POST, BREV, TELEFON, BESOK -> true;
        };
    }

    private static String normalize(String word) {
        return word == null ? "" : word.strip().toLowerCase(SWEDISH);
    }
}
