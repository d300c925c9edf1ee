package se.medborgardialog.cases.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskLevelTests {

    @ParameterizedTest(name = "sannolikhet {0} × konsekvens {1} = {2}: {3}")
    @CsvSource({"1,1,1,LAG", "1,3,3,LAG", "3,1,3,LAG", "2,2,4,MATTLIG", "2,3,6,MATTLIG", "4,1,4,MATTLIG",
            "2,4,8,HOG", "3,3,9,HOG", "3,4,12,MYCKET_HOG", "4,4,16,MYCKET_HOG"})
    void theRiskLevelIsProbabilityTimesConsequenceOnTheMatrix(int probability, int consequence, int value,
            RiskLevel level) {
        assertThat(RiskLevel.value(probability, consequence)).isEqualTo(value);
        assertThat(RiskLevel.of(probability, consequence)).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({"0,2", "5,2", "2,0", "2,5"})
    void valuesOffTheScaleAreRefused(int probability, int consequence) {
        assertThatThrownBy(() -> RiskLevel.of(probability, consequence)).isInstanceOf(IllegalArgumentException.class);
    }
}
