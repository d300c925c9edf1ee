package se.medborgardialog.reporting.statistics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.medborgardialog.contracts.CaseType;
import se.medborgardialog.contracts.Channel;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.reporting.statistics.AggregateQuery;
import se.medborgardialog.reporting.statistics.Dimension;
import se.medborgardialog.reporting.statistics.PeriodLength;
import se.medborgardialog.reporting.statistics.UnitScope;
import se.medborgardialog.reporting.web.ForbiddenUnitException;
import se.medborgardialog.reporting.web.InvalidRequestException;
import se.medborgardialog.reporting.web.InvalidRequestException.FieldError;
import se.medborgardialog.workingdays.SwedishCalendar;

/** The parameters of {@code GET /api/v1/statistics}, checked all at once so one answer names every bad one. */
public record AggregateParameters(String period, String from, String to, String caseType, String kind, String category,
                           String unit, String namnd, String channel, String groupBy, String publicExport,
                           String decimal) {

    private static final Pattern NAME = Pattern.compile("[\\p{Ll}\\p{N}_-]{1,64}");

    public AggregateQuery toQuery(Clock clock, Period maxRange, UnitScope scope) {
        List<FieldError> errors = new ArrayList<>();
        PeriodLength length = choice("period", period, PeriodLength.class, PeriodLength.MONTH, errors);
        LocalDate today = clock.instant().atZone(SwedishCalendar.STOCKHOLM).toLocalDate();
        // Without dates: this year so far, in Stockholm.
        LocalDate fromDate = date("from", from, today.withDayOfYear(1), errors);
        LocalDate toDate = date("to", to, today, errors);
        if (fromDate != null && toDate != null) {
            if (fromDate.isAfter(toDate)) {
                errors.add(new FieldError("from", "Startdatumet får inte vara efter slutdatumet."));
            } else if (!toDate.isBefore(fromDate.plus(maxRange))) {
                errors.add(new FieldError("to", "Perioden är för lång."));
            }
        }
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        put(filters, Dimension.CASE_TYPE, choice("caseType", caseType, CaseType.class, null, errors));
        put(filters, Dimension.KIND, choice("kind", kind, SynpunktKind.class, null, errors));
        put(filters, Dimension.CATEGORY, name("category", category, errors));
        put(filters, Dimension.UNIT, name("unit", unit, errors));
        put(filters, Dimension.NAMND, name("namnd", namnd, errors));
        put(filters, Dimension.CHANNEL, choice("channel", channel, Channel.class, null, errors));
        List<Dimension> grouping = new ArrayList<>();
        if (!isBlank(groupBy)) {
            for (String field : groupBy.split(",")) {
                Dimension dimension = Dimension.ofField(field.strip());
                if (dimension == null) {
                    errors.add(new FieldError("groupBy", "Okänd dimension, välj bland " + Arrays.stream(Dimension.values())
                            .map(Dimension::field).collect(Collectors.joining(", ")) + "."));
                    break;
                }
                if (!grouping.contains(dimension)) {
                    grouping.add(dimension);
                }
            }
        }
        boolean isPublic = bool("public", publicExport, errors);
        if (!isBlank(decimal) && !decimal.strip().equals("comma") && !decimal.strip().equals("point")) {
            errors.add(new FieldError("decimal", "Välj comma eller point."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (filters.containsKey(Dimension.UNIT) && !scope.includes(filters.get(Dimension.UNIT))) {
            throw new ForbiddenUnitException("unit");
        }
        return new AggregateQuery(length, fromDate, toDate, filters, grouping, scope, isPublic);
    }

    public boolean decimalComma() {
        return decimal != null && decimal.strip().equals("comma");
    }

    private static void put(Map<Dimension, String> filters, Dimension dimension, Object value) {
        if (value != null) {
            filters.put(dimension, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E otherwise,
                                                List<FieldError> errors) {
        if (isBlank(value)) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "Okänt värde, välj en av " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + "."));
            return null;
        }
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

    private static String name(String field, String value, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        if (!NAME.matcher(value.strip()).matches()) {
            errors.add(new FieldError(field, "Ogiltigt namn."));
            return null;
        }
        return value.strip();
    }

    private static boolean bool(String field, String value, List<FieldError> errors) {
        if (isBlank(value)) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError(field, "Ange true eller false."));
                yield false;
            }
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
