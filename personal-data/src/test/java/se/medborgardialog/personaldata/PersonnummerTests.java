package se.medborgardialog.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.medborgardialog.personaldata.Personnummer.InvalidPersonnummerException;
import se.medborgardialog.personaldata.Personnummer.Problem;

class PersonnummerTests {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Stockholm"));

    @ParameterizedTest
    @CsvSource({
            "19121212-1212, 191212121212",
            "191212121212, 191212121212",
            "121212-1212, 201212121212",
            "121212+1212, 191212121212",
            "20100101-0006, 201001010006",
            "19900101-0017, 199001010017",
            "701063-2391, 197010632391"})
    void acceptsValidNumbersInEveryFormAndKeepsTwelveDigits(String text, String digits) {
        assertThat(Personnummer.parse(text, TODAY).digits()).isEqualTo(digits);
    }

    @Test
    void recognisesASamordningsnummerByTheDayPlusSixty() {
        assertThat(Personnummer.parse("19701063-2391", TODAY).isSamordningsnummer()).isTrue();
        assertThat(Personnummer.parse("19121212-1212", TODAY).isSamordningsnummer()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "19121212-1213, CHECK_DIGIT",
            "19900101-0018, CHECK_DIGIT",
            "19900230-0000, DATE",
            "19901301-0000, DATE",
            "20991231-0000, DATE",
            "1912121212, CHECK_DIGIT",
            "abc, FORMAT",
            "19121212-121, FORMAT",
            "19121212+1212, FORMAT"})
    void refusesInvalidNumbersNamingTheProblem(String text, Problem problem) {
        assertThatThrownBy(() -> Personnummer.parse(text, TODAY))
                .isInstanceOfSatisfying(InvalidPersonnummerException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageNotContaining(text);
    }

    @Test
    void masksItselfWhenPrinted() {
        assertThat(Personnummer.parse("19121212-1212", TODAY)).hasToString("19121212-****");
    }
}
