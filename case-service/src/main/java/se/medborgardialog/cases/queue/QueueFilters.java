package se.medborgardialog.cases.queue;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import se.medborgardialog.cases.casework.QueueFilter;
import se.medborgardialog.cases.web.InvalidFieldException;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.SynpunktKind;

/** Reads the queue's filter parameters; a bad value is a 400 naming the parameter. */
final class QueueFilters {

    private static final int MAX_SEARCH = 64;

    private QueueFilters() {
    }

    /**
     * @param assignee a user name, {@code me} (the caller) or {@code none} (nobody has it)
     * @param search   a diarienummer or tracking code
     */
    static QueueFilter parse(String caller, String assignee, String kind, String category, String channel,
            String caseType, String search) {
        String who = blankToNull(assignee);
        boolean unassigned = "none".equalsIgnoreCase(who);
        String assignedTo = unassigned ? null : "me".equalsIgnoreCase(who) ? caller : who;
        String query = blankToNull(search);
        if (query != null && query.length() > MAX_SEARCH) {
            throw new InvalidFieldException("q", "Sökningen får vara högst " + MAX_SEARCH + " tecken.");
        }
        return new QueueFilter(assignedTo, unassigned,
                enumValue("kind", kind, SynpunktKind.class, SynpunktKind::valueOf),
                blankToNull(category),
                enumValue("channel", channel, Channel.class, Channel::valueOf),
                enumValue("caseType", caseType, CaseType.class, CaseType::valueOf),
                query);
    }

    /** Accepts the enum name in any case, with {@code -} for {@code _} ({@code e-forslag}). */
    private static <E extends Enum<E>> E enumValue(String parameter, String value, Class<E> type,
            Function<String, E> valueOf) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        try {
            return valueOf.apply(given.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidFieldException(parameter, "Okänt värde; ange något av "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ".");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
