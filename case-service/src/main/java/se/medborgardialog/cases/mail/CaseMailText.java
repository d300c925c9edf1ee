package se.medborgardialog.cases.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import se.medborgardialog.cases.casework.Answer;
import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.cases.casework.CaseMail;
import se.medborgardialog.cases.casework.CitizenQuestion;
import se.medborgardialog.cases.casework.GuaranteeBreach;
import se.medborgardialog.contracts.CaseType;

/** A mail's subject and plain-text body, in Swedish: an answer, or a question from the officer. */
record CaseMailText(String subject, String body) {

    static CaseMailText of(Case aCase, CaseMail mail, String intakeBaseUrl) {
        return switch (mail.purposeOrAnswer()) {
            case QUESTION -> question(aCase, nth(aCase.questions(), mail.numberOrFirst()), intakeBaseUrl);
            case BREACH -> breach(aCase, nth(aCase.guaranteeBreaches(), mail.numberOrFirst()), intakeBaseUrl);
            case ANSWER -> answer(aCase, nth(aCase.answers(), mail.numberOrFirst()));
        };
    }

    /**
     * A tjänstegaranti was not kept: we say so, what the citizen is owed, and give the link that files a complaint
     * about it, tied to this case by the tracking code the citizen already has (no guessable id in the link).
     */
    static CaseMailText breach(Case aCase, GuaranteeBreach breach, String intakeBaseUrl) {
        String what = what(aCase);
        String diarienummer = aCase.diarienummer().value();
        String base = stripTrailingSlash(intakeBaseUrl);
        String code = URLEncoder.encode(aCase.trackingCode().value(), StandardCharsets.UTF_8);
        StringBuilder body = greeting(aCase)
                .append("Vi har inte hållit vår tjänstegaranti ”").append(breach.title()).append("” för din ")
                .append(what).append(" med diarienummer ").append(diarienummer).append(" (spårningskod ")
                .append(aCase.trackingCode().value()).append("). Det beklagar vi.\n\n");
        if (breach.compensation() != null) {
            body.append("Ersättning enligt garantin: ").append(breach.compensation()).append("\n\n");
        }
        body.append("Du kan lämna ett klagomål på att garantin inte hölls. Klagomålet kopplas till ditt ärende och ")
                .append("handläggs av den enhet som har ärendet:\n")
                .append(base).append("/klagomal-garanti?kod=").append(code).append("\n\n")
                .append("Hur det går med ärendet ser du på statussidan: ").append(base).append("/status?kod=")
                .append(code).append("\n\n");
        return new CaseMailText("Vi höll inte tjänstegarantin för din " + what + " " + diarienummer,
                signed(body, diarienummer));
    }

    private static <T> T nth(List<T> items, int number) {
        return items.get(Math.min(number, items.size()) - 1);
    }

    static CaseMailText answer(Case aCase, Answer answer) {
        String what = what(aCase);
        String diarienummer = aCase.diarienummer().value();
        StringBuilder body = greeting(aCase)
                .append("Här är svaret på din ").append(what).append(" med diarienummer ").append(diarienummer)
                .append(".\n\n")
                .append(answer.text().strip()).append("\n\n");
        if (aCase.trackingCode() != null) {
            body.append("Med din spårningskod ").append(aCase.trackingCode().value())
                    .append(" kan du följa ärendet på kommunens webbplats.\n\n");
        }
        return new CaseMailText("Svar på din " + what + " " + diarienummer, signed(body, diarienummer));
    }

    static CaseMailText question(Case aCase, CitizenQuestion question, String intakeBaseUrl) {
        String what = what(aCase);
        String diarienummer = aCase.diarienummer().value();
        StringBuilder body = greeting(aCase)
                .append("Vi behöver veta mer för att kunna handlägga din ").append(what).append(" med diarienummer ")
                .append(diarienummer);
        if (aCase.trackingCode() != null) {
            body.append(" (spårningskod ").append(aCase.trackingCode().value()).append(")");
        }
        body.append(".\n\n").append(question.text().strip()).append("\n\n");
        if (aCase.trackingCode() != null) {
            String code = aCase.trackingCode().value();
            body.append("Svara på ärendets statussida: ").append(stripTrailingSlash(intakeBaseUrl))
                    .append("/status?kod=").append(URLEncoder.encode(code, StandardCharsets.UTF_8)).append("\n")
                    .append("Du kan också svara handläggaren per telefon eller brev; ange då diarienummer ")
                    .append(diarienummer).append(".\n\n");
        } else {
            body.append("Svara handläggaren per telefon eller brev och ange diarienummer ").append(diarienummer)
                    .append(".\n\n");
        }
        return new CaseMailText("Fråga om din " + what + " " + diarienummer, signed(body, diarienummer));
    }

    private static String what(Case aCase) {
        return aCase.caseType() == CaseType.FELANMALAN ? "felanmälan" : "synpunkt";
    }

    private static StringBuilder greeting(Case aCase) {
        String name = aCase.contact() == null ? null : aCase.contact().name();
        return new StringBuilder().append(name == null || name.isBlank() ? "Hej!" : "Hej " + name.strip() + "!")
                .append("\n\n");
    }

    private static String signed(StringBuilder body, String diarienummer) {
        return body.append("Med vänliga hälsningar\n")
                .append("Kommunen\n\n")
                .append("Det här meddelandet går inte att svara på. Ange diarienummer ").append(diarienummer)
                .append(" om du kontaktar oss.\n")
                .toString();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
