package se.medborgardialog.sla.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sla-service runs its clocks. Which clocks a case gets, and how long they run, is the catalogue of guarantees
 * ({@code sla.guarantees}, see {@code GuaranteeProperties}).
 *
 * @param scanInterval how often the safety-net scan looks for running deadlines past due (the timer fires them on
 *                     time; the scan only catches what a bug left out of its index)
 * @param relay        the outbox relay that republishes events left pending by a crash
 */
@ConfigurationProperties("sla")
public record SlaProperties(
        @DefaultValue("PT1H") Duration scanInterval,
        @DefaultValue Relay relay) {

    /**
     * @param interval how often the relay asks whether to look for pending events (asking reads nothing)
     * @param grace    how old a pending event must be before the relay takes it over from the in-line publisher
     * @param batch    the most deadlines handled per relay or scan run
     * @param sweep    how often the relay looks with no reason known here (the store scan: see {@code RelayDue})
     */
    public record Relay(
            @DefaultValue("PT5S") Duration interval,
            @DefaultValue("PT10S") Duration grace,
            @DefaultValue("500") int batch,
            @DefaultValue("PT1M") Duration sweep) {
    }
}
