package se.medborgardialog.reporting.pages;

import java.util.Map;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.SynpunktKind;

/** The Swedish words for the enum values the figures are counted by. */
final class Labels {

    static final Map<String, String> CASE_TYPES = Map.of(
            CaseType.SYNPUNKT.name(), "Synpunkter",
            CaseType.FELANMALAN.name(), "Felanmälningar",
            CaseType.E_FORSLAG.name(), "E-förslag",
            CaseType.AVVIKELSE.name(), "Avvikelser");
    static final Map<String, String> KINDS = Map.of(
            SynpunktKind.BEROM.name(), "beröm",
            SynpunktKind.KLAGOMAL.name(), "klagomål",
            SynpunktKind.FORSLAG.name(), "förslag",
            SynpunktKind.FRAGA.name(), "frågor");
    static final Map<String, String> CHANNELS = Map.of(
            Channel.WEB.name(), "Webben",
            Channel.APP.name(), "Appen",
            Channel.E_POST.name(), "E-post",
            Channel.BREV.name(), "Brev",
            Channel.TELEFON.name(), "Telefon",
            Channel.BESOK.name(), "Besök");
    static final Map<String, String> PERIODS = Map.of("month", "Månad", "quarter", "Kvartal", "year", "År");
    static final Map<String, String> GUARANTEE_TYPES = Map.of(
            "TJANSTEGARANTI", "tjänstegaranti", "LAGKRAV", "lagkrav", "RIKTLINJE", "riktlinje");

    private Labels() {
    }

    /** "Synpunkter – klagomål", "Felanmälningar". */
    static String caseTypeAndKind(String caseType, String kind) {
        String type = CASE_TYPES.getOrDefault(caseType, caseType == null || caseType.isEmpty() ? "Övrigt" : caseType);
        return kind == null || kind.isEmpty() ? type : type + " – " + KINDS.getOrDefault(kind, kind);
    }
}
