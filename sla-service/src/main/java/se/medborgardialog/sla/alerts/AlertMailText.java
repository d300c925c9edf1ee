package se.medborgardialog.sla.alerts;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.medborgardialog.sla.watch.WatchProperties;
import se.medborgardialog.sla.watch.WatchRow;

/**
 * An alert mail's subject and plain-text body, in Swedish: one alert, the alerts held over the quiet hours, or the
 * daily digest. Only what sla-service knows: the case's link, the guarantee, the unit and the times; no personal data.
 */
record AlertMailText(String subject, String body) {

    private static final String SIGNATURE = "Det här meddelandet skickades automatiskt av Medborgardialog och går inte "
            + "att svara på.\n";

    static AlertMailText one(SentAlert alert, WatchProperties watch) {
        String unit = watch.unitName(alert.unit());
        boolean breached = alert.kind() == SentAlert.Kind.BREACHED;
        String subject = (breached ? "Försenat: " : "Risk för försening: ") + alert.guaranteeTitle() + " – ärende "
                + shortId(alert.caseId());
        StringBuilder body = new StringBuilder("Hej!\n\n")
                .append(breached ? "Ett ärende i " + unit + " har passerat sin tidsgräns."
                        : "Ett ärende i " + unit + " riskerar att inte klaras i tid.")
                .append("\n\n");
        details(body, alert, watch);
        return new AlertMailText(subject, footer(body, watch));
    }

    /** The alerts held over the quiet hours (or for the digest), per unit. */
    static AlertMailText collected(List<SentAlert> alerts, boolean digest, WatchProperties watch) {
        long breaches = alerts.stream().filter(a -> a.kind() == SentAlert.Kind.BREACHED).count();
        long warnings = alerts.size() - breaches;
        String counts = count(warnings, "varning", "varningar") + " och " + count(breaches, "försening", "förseningar");
        String subject = (digest ? "Daglig sammanställning av tidsgränser: " : "Samlade varningar om tidsgränser: ") + counts;
        StringBuilder body = new StringBuilder("Hej!\n\n")
                .append(digest ? "Här är varningarna och förseningarna sedan förra sammanställningen: "
                        : "Dessa varningar och förseningar har samlats sedan förra utskicket (under tystnadstiden): ")
                .append(counts).append(".\n");
        Map<String, List<SentAlert>> byUnit = new TreeMap<>();
        alerts.forEach(alert -> byUnit.computeIfAbsent(watch.unitName(alert.unit()), u -> new java.util.ArrayList<>())
                .add(alert));
        byUnit.forEach((unit, ofUnit) -> {
            body.append("\n").append(unit).append("\n").append("-".repeat(unit.length())).append("\n");
            ofUnit.stream().sorted(java.util.Comparator.comparing(SentAlert::at)).forEach(alert -> {
                body.append("\n").append(alert.kind() == SentAlert.Kind.BREACHED ? "Försenat" : "Risk för försening")
                        .append(": ").append(alert.guaranteeTitle()).append(" – ärende ").append(shortId(alert.caseId()))
                        .append("\n");
                details(body, alert, watch);
            });
        });
        body.append("\n");
        return new AlertMailText(subject, footer(body, watch));
    }

    private static void details(StringBuilder body, SentAlert alert, WatchProperties watch) {
        body.append("Garanti: ").append(alert.guaranteeTitle());
        if (alert.guaranteeVersion() != null) {
            body.append(" (version ").append(alert.guaranteeVersion()).append(")");
        }
        body.append("\nFörfaller: ").append(WatchRow.dueText(alert.dueAt())).append("\n");
        if (alert.point() != null) {
            body.append("Varningspunkt: ").append(alert.point()).append("\n");
        }
        body.append("Ärende: ").append(watch.caseUrl(alert.caseId())).append("\n");
    }

    private static String footer(StringBuilder body, WatchProperties watch) {
        if (body.charAt(body.length() - 1) != '\n' || body.charAt(body.length() - 2) != '\n') {
            body.append("\n");
        }
        return body.append("Alla ärenden som är försenade eller riskerar att försenas: ").append(watch.pageUrl())
                .append("\n\n").append(SIGNATURE).toString();
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String shortId(String caseId) {
        return caseId.substring(0, Math.min(8, caseId.length()));
    }

}
