package se.medborgardialog.sla.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadline rules of this municipality.
 *
 * @param firstAnswer  the promise "every synpunkt is answered within N working days" (local policy, not law)
 * @param scanInterval how often running deadlines are checked for a breach
 * @param relay        the outbox relay that republishes events left pending by a crash
 */
@ConfigurationProperties("sla")
public record SlaProperties(
        @DefaultValue FirstAnswer firstAnswer,
        @DefaultValue("PT1S") Duration scanInterval,
        @DefaultValue Relay relay) {

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
