package se.medborgardialog.intake.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What GET /api/v1/status/{trackingCode} answers and the status page shows: no personal data, only kind,
 * category, dates, status, diarienummer and unit, with the words in Swedish.
 *
 * @param status     the state's stable name, e.g. {@code registrerad}
 * @param statusText the state in Swedish words, e.g. "Registrerad som KS 2026/123"
 * @param answerBy   the last day of the answer promise (ISO-8601 date), null until it is scheduled
 * @param citizenInfo            {@code begard} while the officer waits for more information from the citizen (who
 *                               may reply: page form, {@code POST /api/v1/status/{trackingCode}/svar}),
 *                               {@code svar-skickat} once they replied and until the reply reached the case, else null
 * @param citizenInfoRequestedAt when the officer asked, while {@code citizenInfo} is not null
 * @param guaranteeBreached      the case's tjänstegaranti that was not kept, with the compensation it promises and
 *                               where to complain about it; null while every guarantee holds
 */
public record StatusView(
        String trackingCode,
        String caseType,
        String kind,
        String category,
        String categoryName,
        String status,
        String statusText,
        String diarienummer,
        String unit,
        String unitName,
        Instant receivedAt,
        String answerBy,
        Instant answeredAt,
        Instant closedAt,
        String outcome,
        List<Step> history,
        String citizenInfo,
        Instant citizenInfoRequestedAt,
        GuaranteeBreached guaranteeBreached) {

    /**
     * @param compensation the guarantee's compensation in Swedish, null when it promises none
     * @param complaintUrl the page that files a complaint about the breach, on this service ({@code
     *                     POST /api/v1/status/{trackingCode}/klagomal} for apps)
     */
    public record GuaranteeBreached(String title, String compensation, String complaintUrl) {
    }

    /** The complaint page of a case's breached tjänstegaranti. */
    static String complaintUrl(String trackingCode) {
        return "/klagomal-garanti?kod=" + trackingCode;
    }

    /** One step of the history, oldest first; {@code text} says it in Swedish. */
    public record Step(String type, Instant at, String text) {

        /** The day it happened in Swedish, e.g. "23 november 2026". */
        public String dateInWords() {
            return StatusView.dateInWords(at);
        }
    }

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", SWEDISH);

    private static final Map<String, String> OUTCOMES = Map.of(
            "ATGARDAT", "åtgärdat",
            "BESVARAT", "besvarat",
            "INGEN_ATGARD", "ingen åtgärd",
            "HANVISAT", "hänvisat",
            "DUBBLETT", "dubblett");
    private static final Map<String, String> CASE_TYPES = Map.of(
            "SYNPUNKT", "Synpunkt",
            "FELANMALAN", "Felanmälan",
            "E_FORSLAG", "E-förslag",
            "AVVIKELSE", "Avvikelse");
    private static final Map<String, String> KINDS = Map.of(
            "BEROM", "Beröm",
            "KLAGOMAL", "Klagomål",
            "FORSLAG", "Förslag",
            "FRAGA", "Fråga");

    static StatusView of(String trackingCode, CaseStatus status, PublicNames names) {
        return new StatusView(trackingCode, status.caseType(), status.kind(), status.category(),
                names.category(status.caseType(), status.category()),
                status.state().name().toLowerCase(Locale.ROOT).replace('_', '-'), status.stateInWords(),
                status.diarienummer(), status.unit(), names.unit(status.unit()), status.receivedAt(), status.answerBy(), status.answeredAt(),
                status.closedAt(), status.outcome(),
                status.history().stream().map(entry -> new Step(entry.type(), entry.at(), words(entry))).toList(),
                status.citizenInfo().publicName(),
                status.citizenInfo() == CaseStatus.CitizenInfo.NONE ? null : status.infoRequestedAt(),
                status.guaranteeBreach() == null ? null : new GuaranteeBreached(status.guaranteeBreach().title(),
                        status.guaranteeBreach().compensation(), complaintUrl(trackingCode)));
    }

    /** The officer waits for the citizen, who has not replied yet: the page shows the reply form. */
    public boolean awaitsReply() {
        return CaseStatus.CitizenInfo.BEGARD.publicName().equals(citizenInfo);
    }

    /** The citizen replied, and case-service has not yet said the reply reached the case. */
    public boolean replySent() {
        return CaseStatus.CitizenInfo.SVAR_SKICKAT.publicName().equals(citizenInfo);
    }

    /** What the case is, in words: "Synpunkt (Klagomål)", "Felanmälan", or null when nothing is known yet. */
    public String what() {
        String type = caseType == null ? null : CASE_TYPES.getOrDefault(caseType, caseType);
        String kindWords = kind == null ? null : KINDS.getOrDefault(kind, kind);
        if (type == null) {
            return kindWords;
        }
        return kindWords == null ? type : type + " (" + kindWords.toLowerCase(SWEDISH) + ")";
    }

    public String answerByInWords() {
        return answerBy == null ? null : DAY.format(LocalDate.parse(answerBy));
    }

    public String outcomeInWords() {
        return outcome == null ? null : OUTCOMES.getOrDefault(outcome, outcome.toLowerCase(SWEDISH));
    }

    public static String dateInWords(Instant at) {
        return at == null ? "" : DATE.format(at.atZone(STOCKHOLM));
    }

    private static String words(HistoryEntry entry) {
        String detail = entry.detail();
        return switch (entry.type()) {
            case "mottagen" -> "Mottagen";
            case "registrerad" -> detail == null ? "Registrerad" : "Registrerad som " + detail;
            case "besvarad" -> "Besvarad";
            case "avslutad" -> detail == null ? "Avslutad"
                    : "Avslutad (" + OUTCOMES.getOrDefault(detail, detail.toLowerCase(SWEDISH)) + ")";
            case "dubblett-kopplad" -> "Ännu en anmälan om samma fel kopplades till ärendet";
            case "overlamnad" -> "Lämnades över till en annan enhet, som nu handlägger ärendet";
            case "publicerat" -> detail == null ? "Publicerat för underskrifter"
                    : "Publicerat för underskrifter till och med " + dateInWords(Instant.parse(detail));
            case "avvisat" -> detail == null || detail.isBlank() ? "Avvisat" : "Avvisat: " + detail;
            case "utgatt" -> "Fick inte tillräckligt många underskrifter"
                    + (detail == null ? "" : " (" + detail + ")");
            case "skickat-till-namnd" -> detail == null ? "Skickat till nämnden" : "Skickat till nämnden (" + detail + ")";
            case "information-begard" -> "Handläggaren bad om mer information";
            case "svar-skickat" -> "Svar på handläggarens fråga skickades";
            case "information-mottagen" -> "Handläggaren fick informationen";
            case "garanti-bruten" -> detail == null ? "Kommunen höll inte sin tjänstegaranti"
                    : "Kommunen höll inte tjänstegarantin ”" + detail + "”";
            default -> entry.type();
        };
    }
}
