package se.medborgardialog.cases.queue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.medborgardialog.cases.casework.QueueFilter;
import se.medborgardialog.cases.web.Swedish;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;

/**
 * The queue page's filters, as the GET form sends them: {@code status} (oppna, vantar, besvarade, avslutade, alla),
 * {@code tilldelad} ({@code mina}: the user's own cases, {@code ingen}: nobody's), {@code typ} and {@code kanal} (the
 * enum's name in lower case with hyphens: {@code e-forslag}, {@code e-post}), {@code kategori}, and {@code sok}, a
 * diarienummer or a spårningskod (case, hyphens and spaces do not matter). Blank means "any".
 */
record QueuePageFilter(String status, String assigned, String type, String category, String channel, String search) {

    static final String DEFAULT_STATUS = "oppna";
    static final int MAX_SEARCH = 100;

    /** The page's status words and the queue's. */
    private static final Map<String, String> STATUSES = statuses();

    record Option(String value, String label) {
    }

    QueuePageFilter {
        status = blank(status) ? DEFAULT_STATUS : status.trim();
        assigned = blank(assigned) ? null : assigned.trim();
        type = blank(type) ? null : type.trim();
        category = blank(category) ? null : category.trim();
        channel = blank(channel) ? null : channel.trim();
        search = blank(search) ? null : search.trim();
    }

    private static Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("oppna", "open");
        statuses.put("vantar", "waiting");
        statuses.put("besvarade", "answered");
        statuses.put("avslutade", "closed");
        statuses.put("alla", "all");
        return statuses;
    }

    static List<Option> statusOptions() {
        return List.of(new Option("oppna", "Öppna"), new Option("vantar", "Väntar på medborgaren"),
                new Option("besvarade", "Besvarade"),
                new Option("avslutade", "Avslutade"), new Option("alla", "Alla"));
    }

    static List<Option> assignedOptions() {
        return List.of(new Option("mina", "Mina ärenden"), new Option("ingen", "Ej tilldelade"));
    }

    static List<Option> typeOptions() {
        return Arrays.stream(CaseType.values()).map(type -> new Option(param(type), Swedish.caseType(type))).toList();
    }

    static List<Option> channelOptions() {
        return Arrays.stream(Channel.values()).map(channel -> new Option(param(channel), Swedish.channel(channel)))
                .toList();
    }

    /** The field ids of the form (the error summary links to them) and what is wrong with each. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!STATUSES.containsKey(status)) {
            errors.put("status", "Välj en status i listan.");
        }
        if (assigned != null && !assigned.equals("mina") && !assigned.equals("ingen")) {
            errors.put("tilldelad", "Välj Mina ärenden, Ej tilldelade eller alla.");
        }
        if (type != null && caseType().isEmpty()) {
            errors.put("typ", "Välj en ärendetyp i listan.");
        }
        if (channel != null && parsedChannel().isEmpty()) {
            errors.put("kanal", "Välj en kanal i listan.");
        }
        if (search != null && search.length() > MAX_SEARCH) {
            errors.put("sok", "Sökningen får vara högst " + MAX_SEARCH + " tecken.");
        }
        return errors;
    }

    /** The queue's own status word; only for a filter without {@link #errors()}. */
    String queueStatus() {
        return STATUSES.get(status);
    }

    /** What the store narrows the queue to: whose cases. The rest is matched here ({@link #matches}). */
    QueueFilter queueFilter(String username) {
        return new QueueFilter("mina".equals(assigned) ? username : null, "ingen".equals(assigned), null, null, null,
                null, null);
    }

    /** For the page: is the queue narrowed by more than its status? */
    public boolean filtersBeyondStatus() {
        return assigned != null || type != null || category != null || channel != null || search != null;
    }

    boolean matches(QueueEntry entry) {
        return (type == null || caseType().map(Enum::name).orElse("").equals(entry.caseType()))
                && (category == null || category.equals(entry.category()))
                && (channel == null || parsedChannel().map(Enum::name).orElse("").equals(entry.channel()))
                && (search == null || found(entry));
    }

    private boolean found(QueueEntry entry) {
        String wanted = folded(search);
        return !wanted.isEmpty() && (folded(entry.diarienummer()).contains(wanted)
                || folded(entry.trackingCode()).contains(wanted));
    }

    private Optional<CaseType> caseType() {
        return Arrays.stream(CaseType.values()).filter(value -> param(value).equals(type)).findFirst();
    }

    private Optional<Channel> parsedChannel() {
        return Arrays.stream(Channel.values()).filter(value -> param(value).equals(channel)).findFirst();
    }

    static String param(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Only letters and digits, in upper case: {@code md-1a2b 3c4d} and {@code MD1A2B3C4D} are the same code. */
    private static String folded(String value) {
        return value == null ? "" : value.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
