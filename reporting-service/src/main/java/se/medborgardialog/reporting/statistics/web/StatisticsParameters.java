package se.medborgardialog.reporting.statistics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.reporting.statistics.StatisticsQuery;
import se.medborgardialog.reporting.statistics.UnitScope;
import se.medborgardialog.reporting.web.ForbiddenUnitException;
import se.medborgardialog.reporting.web.InvalidRequestException;
import se.medborgardialog.reporting.web.InvalidRequestException.FieldError;
import se.medborgardialog.workingdays.SwedishCalendar;

/** The query parameters of a statistics request, checked all at once so one answer names every bad one. */
record StatisticsParameters(String from, String to, String kind, String category, String unit) {

    private static final Pattern NAME = Pattern.compile("[\\p{Ll}\\p{N}_-]{1,64}");

    /**
     * @throws InvalidRequestException naming every bad parameter
     * @throws ForbiddenUnitException  when {@code unit} is outside the reader's units
     */
    StatisticsQuery toQuery(Clock clock, Period maxRange, UnitScope scope) {
        List<FieldError> errors = new ArrayList<>();
        // Without from/to: the current month, in Stockholm (on the 1st at 00:30 it is already the new month there).
        YearMonth thisMonth = YearMonth.from(clock.instant().atZone(SwedishCalendar.STOCKHOLM));
        LocalDate fromDate = date("from", from, thisMonth.atDay(1), errors);
        LocalDate toDate = date("to", to, thisMonth.atEndOfMonth(), errors);
        if (fromDate != null && toDate != null) {
            if (fromDate.isAfter(toDate)) {
                errors.add(new FieldError("from", "Startdatumet får inte vara efter slutdatumet."));
            } else if (!toDate.isBefore(fromDate.plus(maxRange))) {
                errors.add(new FieldError("to", "Perioden får vara högst " + describe(maxRange) + "."));
            }
        }
        SynpunktKind synpunktKind = kind(errors);
        String categoryName = name("category", category, "Ogiltig kategori.", errors);
        String unitName = name("unit", unit, "Ogiltig enhet.", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (unitName != null && !scope.includes(unitName)) {
            throw new ForbiddenUnitException("unit");
        }
        return new StatisticsQuery(fromDate, toDate, synpunktKind, categoryName, unitName, scope);
    }

    private static LocalDate date(String field, String value, LocalDate otherwise, List<FieldError> errors) {
        if (isBlank(value)) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Ogiltigt datum, ange det som ÅÅÅÅ-MM-DD."));
            return null;
        }
    }

    private SynpunktKind kind(List<FieldError> errors) {
        if (isBlank(kind)) {
            return null;
        }
        try {
            return SynpunktKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "Okänd typ, välj en av " + Arrays.stream(SynpunktKind.values())
                    .map(Enum::name).collect(Collectors.joining(", ")) + "."));
            return null;
        }
    }

    private static String name(String field, String value, String message, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        if (!NAME.matcher(value.strip()).matches()) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return value.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String describe(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(period.getYears() + " år");
        }
        if (period.getMonths() != 0) {
            parts.add(period.getMonths() + (period.getMonths() == 1 ? " månad" : " månader"));
        }
        if (period.getDays() != 0) {
            parts.add(period.getDays() + (period.getDays() == 1 ? " dag" : " dagar"));
        }
        return String.join(" och ", parts);
    }
}
