package se.medborgardialog.intake.avvikelse;

import java.util.List;
import java.util.Map;
import se.medborgardialog.contracts.Law;
import se.medborgardialog.contracts.LegalFlow;

/** Which legal flows each law allows (DOMAIN.md), and how the flows are put in Swedish. */
final class LegalFlows {

    private static final Map<Law, List<LegalFlow>> ALLOWED = Map.of(
            Law.SOL, List.of(LegalFlow.LEX_SARAH),
            Law.LSS, List.of(LegalFlow.LEX_SARAH),
            Law.HSL, List.of(LegalFlow.LEX_MARIA),
            Law.SKOLLAGEN, List.of(LegalFlow.KRANKANDE_BEHANDLING, LegalFlow.SKOLKLAGOMAL));

    private LegalFlows() {
    }

    static List<LegalFlow> allowedUnder(Law law) {
        return ALLOWED.get(law);
    }

    /** The law demands immediate action to protect the person: lex Sarah and lex Maria. */
    static boolean requiresImmediateMeasures(LegalFlow flow) {
        return flow == LegalFlow.LEX_SARAH || flow == LegalFlow.LEX_MARIA;
    }

    static String lawName(Law law) {
        return switch (law) {
            case SOL -> "Socialtjänstlagen (SoL)";
            case LSS -> "Lagen om stöd och service till vissa funktionshindrade (LSS)";
            case HSL -> "Hälso- och sjukvårdslagen (HSL)";
            case SKOLLAGEN -> "Skollagen";
        };
    }

    static String name(LegalFlow flow) {
        return switch (flow) {
            case LEX_SARAH -> "Lex Sarah";
            case LEX_MARIA -> "Lex Maria";
            case KRANKANDE_BEHANDLING -> "Kränkande behandling (skollagen 6 kap. 10 §)";
            case SKOLKLAGOMAL -> "Klagomål på utbildningen (skollagen 4 kap. 8 §)";
        };
    }

    static String nextSteps(LegalFlow flow) {
        return switch (flow) {
            case LEX_SARAH -> "Lex Sarah: utredning inleds utan dröjsmål. Ett allvarligt missförhållande eller en "
                    + "påtaglig risk för ett sådant anmäls till IVO.";
            case LEX_MARIA -> "Lex Maria: händelsen utreds utan dröjsmål. En vårdskada som var eller kunde ha blivit "
                    + "allvarlig anmäls till IVO.";
            case KRANKANDE_BEHANDLING -> "Kränkande behandling: huvudmannen informeras, och händelsen utreds skyndsamt "
                    + "så att åtgärder kan vidtas mot fortsatta kränkningar.";
            case SKOLKLAGOMAL -> "Klagomål på utbildningen: huvudmannen utreder klagomålet enligt sin rutin och "
                    + "återkommer om vilka åtgärder som vidtas.";
        };
    }
}
