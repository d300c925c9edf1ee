package se.medborgardialog.cases.casework;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import se.medborgardialog.contracts.CaseOutcome;

/** The Swedish wire words for {@link CaseOutcome}: {@code besvarat}, {@code åtgärdat}, {@code ingen-åtgärd}... */
public final class Outcomes {

    private Outcomes() {
    }

    public static String toWire(CaseOutcome outcome) {
        return switch (outcome) {
            case BESVARAT -> "besvarat";
            case ATGARDAT -> "åtgärdat";
            case INGEN_ATGARD -> "ingen-åtgärd";
            case HANVISAT -> "hänvisat";
            case DUBBLETT -> "dubblett";
        };
    }

    /** Accepts the Swedish words, also typed without å/ä/ö (a curl on a plain keyboard) or as the enum name. */
    public static Optional<CaseOutcome> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(value.trim(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT)
                .replace('-', '_');
        try {
            return Optional.of(CaseOutcome.valueOf(folded));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
