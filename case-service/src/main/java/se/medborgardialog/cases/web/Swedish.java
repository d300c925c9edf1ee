package se.medborgardialog.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import se.medborgardialog.cases.casework.DeadlineLabel;
import se.medborgardialog.contracts.CaseOutcome;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.LegalFlow;
import se.medborgardialog.contracts.SynpunktKind;

/** The words and times the officers' pages show: Swedish, times in Europe/Stockholm, dates as 2026-11-23. */
public final class Swedish {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Swedish() {
    }

    /** What the case is, e.g. "Synpunkt: klagomål", "Felanmälan", "Avvikelse: lex Sarah". */
    public static String what(CaseType type, SynpunktKind kind, LegalFlow legalFlow) {
        String name = caseType(type);
        if (kind != null) {
            return name + ": " + kind(kind);
        }
        return legalFlow == null ? name : name + ": " + legalFlow(legalFlow);
    }

    public static String caseType(CaseType type) {
        return switch (type) {
            case SYNPUNKT -> "Synpunkt";
            case FELANMALAN -> "Felanmälan";
            case E_FORSLAG -> "E-förslag";
            case AVVIKELSE -> "Avvikelse";
        };
    }

    public static String kind(SynpunktKind kind) {
        return switch (kind) {
            case BEROM -> "beröm";
            case KLAGOMAL -> "klagomål";
            case FORSLAG -> "förslag";
            case FRAGA -> "fråga";
        };
    }

    public static String legalFlow(LegalFlow flow) {
        return switch (flow) {
            case LEX_SARAH -> "lex Sarah";
            case LEX_MARIA -> "lex Maria";
            case KRANKANDE_BEHANDLING -> "kränkande behandling";
            case SKOLKLAGOMAL -> "klagomål på skolan";
        };
    }

    public static String channel(Channel channel) {
        if (channel == null) {
            return "–";
        }
        return switch (channel) {
            case WEB -> "Webb";
            case APP -> "App";
            case E_POST -> "E-post";
            case BREV -> "Brev";
            case TELEFON -> "Telefon";
            case BESOK -> "Besök";
        };
    }

    public static String outcome(CaseOutcome outcome) {
        return switch (outcome) {
            case BESVARAT -> "Besvarat";
            case ATGARDAT -> "Åtgärdat";
            case INGEN_ATGARD -> "Ingen åtgärd";
            case HANVISAT -> "Hänvisat";
            case DUBBLETT -> "Dubblett";
        };
    }

    /** A catalogue id as words: {@code gata-och-trafik} → "Gata och trafik". */
    public static String words(String id) {
        if (id == null || id.isBlank()) {
            return "–";
        }
        String spaced = id.replace('-', ' ').replace('_', ' ');
        return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }

    /** A deadline clock's name, e.g. {@code first-answer} → "Svar till medborgaren". */
    public static String clock(String clock) {
        return "first-answer".equals(clock) ? "Svar till medborgaren" : words(clock);
    }

    public static String capitalized(String text) {
        return text == null || text.isEmpty() ? text
                : text.substring(0, 1).toUpperCase(Locale.forLanguageTag("sv")) + text.substring(1);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "–" : DATE_TIME.format(instant.atZone(STOCKHOLM));
    }

    public static String date(LocalDate date) {
        return date == null ? "–" : date.toString();
    }

    /**
     * A deadline's status as words and as the class that colours it: the colour only repeats the words. {@code
     * label} is a {@link DeadlineLabel} word, or null when no deadline is known yet.
     */
    public record DeadlineText(String text, String cssClass) {

        public static DeadlineText of(String label) {
            if (label == null) {
                return new DeadlineText("Ingen tidsfrist än", "deadline-none");
            }
            return switch (label) {
                case DeadlineLabel.ON_TRACK -> new DeadlineText("I tid", "deadline-on-track");
                case DeadlineLabel.DUE_SOON -> new DeadlineText("Snart förfallet", "deadline-due-soon");
                case DeadlineLabel.BREACHED -> new DeadlineText("Försenat", "deadline-breached");
                case DeadlineLabel.MET -> new DeadlineText("Uppfyllt", "deadline-met");
                case DeadlineLabel.PAUSED -> new DeadlineText("Pausad", "deadline-paused");
                default -> new DeadlineText(label, "deadline-none");
            };
        }
    }
}
