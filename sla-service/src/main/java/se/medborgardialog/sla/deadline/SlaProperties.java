package se.medborgardialog.sla.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sla-service runs its clocks. Which clocks a case gets, and how long they run, is the catalogue of guarantees
 * ({@code sla.guarantees}, see {@code GuaranteeProperties}).
 *
 * @param scanInterval how often running deadlines are checked for a breach
 * @param relay        the outbox relay that republishes events left pending by a crash
 */
@ConfigurationProperties("sla")
public record SlaProperties(
        @DefaultValue("PT1S") Duration scanInterval,
        @DefaultValue Relay relay) {

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
