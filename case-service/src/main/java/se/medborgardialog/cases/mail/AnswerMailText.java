package se.medborgardialog.cases.mail;

import se.medborgardialog.cases.casework.Case;
import se.medborgardialog.contracts.CaseType;

/** The answer mail's subject and plain-text body, in Swedish. */
record AnswerMailText(String subject, String body) {

    static AnswerMailText of(Case aCase) {
        String what = aCase.caseType() == CaseType.FELANMALAN ? "felanmälan" : "synpunkt";
        String diarienummer = aCase.diarienummer().value();
        String name = aCase.contact() == null ? null : aCase.contact().name();
        StringBuilder body = new StringBuilder()
                .append(name == null || name.isBlank() ? "Hej!" : "Hej " + name.strip() + "!").append("\n\n")
                .append("Här är svaret på din ").append(what).append(" med diarienummer ").append(diarienummer)
                .append(".\n\n")
                .append(aCase.answer().text().strip()).append("\n\n");
        if (aCase.trackingCode() != null) {
            body.append("Med din spårningskod ").append(aCase.trackingCode().value())
                    .append(" kan du följa ärendet på kommunens webbplats.\n\n");
        }
        body.append("Med vänliga hälsningar\n")
                .append("Kommunen\n\n")
                .append("Det här meddelandet går inte att svara på. Ange diarienummer ").append(diarienummer)
                .append(" om du kontaktar oss.\n");
        return new AnswerMailText("Svar på din " + what + " " + diarienummer, body.toString());
    }
}
