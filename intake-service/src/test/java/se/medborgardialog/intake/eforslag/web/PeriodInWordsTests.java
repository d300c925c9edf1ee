package se.medborgardialog.intake.eforslag.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import org.junit.jupiter.api.Test;

class PeriodInWordsTests {

    @Test
    void saysAPeriodAsTheReceiptTellsIt() {
        assertThat(EforslagPageController.inWords(Period.ofDays(90))).isEqualTo("90 dagar");
        assertThat(EforslagPageController.inWords(Period.ofDays(1))).isEqualTo("1 dag");
        assertThat(EforslagPageController.inWords(Period.ofMonths(6))).isEqualTo("6 månader");
        assertThat(EforslagPageController.inWords(Period.ofMonths(1))).isEqualTo("1 månad");
        assertThat(EforslagPageController.inWords(Period.of(1, 6, 0))).isEqualTo("1 år och 6 månader");
        assertThat(EforslagPageController.inWords(Period.ZERO)).isEqualTo("0 dagar");
    }
}
