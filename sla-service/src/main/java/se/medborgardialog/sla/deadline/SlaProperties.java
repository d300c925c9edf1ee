package se.medborgardialog.sla.deadline;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadline rules of this municipality.
 *
 * @param firstAnswer  the promise "every synpunkt is answered within N working days" (local policy, not law)
 * @param scanInterval how often the safety-net scan looks for running deadlines past due (the timer fires them on
 *                     time; the scan only catches what a bug left out of its index)
 * @param relay        the outbox relay that republishes events left pending by a crash
 * @param felanmalan   the promise for a felanmälan (working days)
 * @param eforslag     the promise for an e-förslag sent to a nämnd (a calendar period)
 * @param avvikelse    the legal clocks of an avvikelse, per legal flow
 */
@ConfigurationProperties("sla")
public record SlaProperties(
        @DefaultValue FirstAnswer firstAnswer,
        @DefaultValue("PT1H") Duration scanInterval,
        @DefaultValue Relay relay,
        @DefaultValue Felanmalan felanmalan,
        @DefaultValue Eforslag eforslag,
        @DefaultValue Avvikelse avvikelse) {

    static void requireWorkingDays(String key, int workingDays) {
        if (workingDays < 1 || workingDays > 365) {
            throw new IllegalArgumentException(key + " must be 1..365, was " + workingDays);
        }
    }

    static void requirePeriod(String key, Period period) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive period, was " + period);
        }
    }

    /** @param workingDays a felanmälan is dealt with within N working days (local policy) */
    public record Felanmalan(@DefaultValue("10") int workingDays) {

        public Felanmalan {
            requireWorkingDays("sla.felanmalan.working-days", workingDays);
        }
    }

    /** @param period the nämnd answers an e-förslag within this calendar period of receiving it (Lycksele: six months) */
    public record Eforslag(@DefaultValue("P6M") Period period) {

        public Eforslag {
            requirePeriod("sla.eforslag.period", period);
        }
    }

    /**
     * @param lexSarahWorkingDays             lex Sarah: the investigation starts "utan dröjsmål"
     * @param lexMariaPeriod                  lex Maria: the report to IVO (calendar days)
     * @param krankandeBehandlingWorkingDays  kränkande behandling: the report to the huvudman
     * @param skolklagomalWorkingDays         a school complaint is investigated within N working days
     */
    public record Avvikelse(
            @DefaultValue("1") int lexSarahWorkingDays,
            @DefaultValue("P14D") Period lexMariaPeriod,
            @DefaultValue("1") int krankandeBehandlingWorkingDays,
            @DefaultValue("10") int skolklagomalWorkingDays) {

        public Avvikelse {
            requireWorkingDays("sla.avvikelse.lex-sarah-working-days", lexSarahWorkingDays);
            requirePeriod("sla.avvikelse.lex-maria-period", lexMariaPeriod);
            requireWorkingDays("sla.avvikelse.krankande-behandling-working-days", krankandeBehandlingWorkingDays);
            requireWorkingDays("sla.avvikelse.skolklagomal-working-days", skolklagomalWorkingDays);
        }
    }

    /** @param workingDays the promise in working days on the Swedish calendar, 1..365 */
    public record FirstAnswer(@DefaultValue("2") int workingDays) {

        public FirstAnswer {
            if (workingDays < 1 || workingDays > 365) {
                throw new IllegalArgumentException("sla.first-answer.working-days must be 1..365, was " + workingDays);
            }
        }
    }

    /**
     * @param interval how often the relay looks for pending events
     * @param grace    how old a pending event must be before the relay takes it over from the in-line publisher
     * @param batch    the most deadlines handled per relay or scan run
     */
    public record Relay(
            @DefaultValue("PT5S") Duration interval,
            @DefaultValue("PT10S") Duration grace,
            @DefaultValue("500") int batch) {
    }
}
