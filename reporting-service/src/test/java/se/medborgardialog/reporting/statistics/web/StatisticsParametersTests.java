package se.medborgardialog.reporting.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.medborgardialog.contracts.SynpunktKind;
import se.medborgardialog.reporting.statistics.StatisticsQuery;
import se.medborgardialog.reporting.statistics.UnitScope;
import se.medborgardialog.reporting.web.ForbiddenUnitException;
import se.medborgardialog.reporting.web.InvalidRequestException;
import se.medborgardialog.reporting.web.InvalidRequestException.FieldError;

class StatisticsParametersTests {

    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final Period MAX = Period.ofYears(3);

    @Test
    void withoutDatesTheQueryCoversTheCurrentMonthInStockholm() {
        StatisticsQuery query = parameters(null, null).toQuery(MONDAY, MAX, UnitScope.all());
        assertThat(query.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(query.to()).isEqualTo(LocalDate.of(2026, 11, 30));

        Clock newYearsEveLate = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
        assertThat(parameters(null, null).toQuery(newYearsEveLate, MAX, UnitScope.all()).from())
                .isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void theKindIsAcceptedInAnyCase() {
        StatisticsQuery query = new StatisticsParameters("2026-01-01", "2026-12-31", "klagomal", "gata-och-trafik", "stadsmiljo")
                .toQuery(MONDAY, MAX, UnitScope.all());

        assertThat(query.kind()).isEqualTo(SynpunktKind.KLAGOMAL);
        assertThat(query.category()).isEqualTo("gata-och-trafik");
        assertThat(query.unit()).isEqualTo("stadsmiljo");
    }

    @Test
    void refusesUnreadableDatesAndAnUnknownKindNamingEachParameter() {
        assertThatThrownBy(() -> new StatisticsParameters("2026-13-01", "igår", "gnäll", null, "a;b")
                .toQuery(MONDAY, MAX, UnitScope.all()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("from", "to", "kind", "unit"));
    }

    @Test
    void refusesFromAfterTo() {
        assertThatThrownBy(() -> parameters("2026-11-24", "2026-11-23").toQuery(MONDAY, MAX, UnitScope.all()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("from"));
    }

    @Test
    void acceptsExactlyTheLongestRangeAndRefusesADayMore() {
        assertThat(parameters("2024-01-01", "2026-12-31").toQuery(MONDAY, MAX, UnitScope.all()).to())
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> parameters("2024-01-01", "2027-01-01").toQuery(MONDAY, MAX, UnitScope.all()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("to");
                            assertThat(error.message()).contains("3 år");
                        }));
    }

    @Test
    void aManagerAskingForAnotherUnitIsRefused() {
        UnitScope maria = UnitScope.only(Set.of("stadsmiljo", "medborgarservice"));

        assertThat(new StatisticsParameters(null, null, null, null, "stadsmiljo").toQuery(MONDAY, MAX, maria).unit())
                .isEqualTo("stadsmiljo");
        assertThatThrownBy(() -> new StatisticsParameters(null, null, null, null, "utbildning").toQuery(MONDAY, MAX, maria))
                .isInstanceOf(ForbiddenUnitException.class);
    }

    private static StatisticsParameters parameters(String from, String to) {
        return new StatisticsParameters(from, to, null, null, null);
    }
}
