package se.medborgardialog.cases.casework;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay that republishes events a crash or a broker outage left pending ({@code cases.outbox.*}).
 *
 * @param relayInterval how often the relay asks whether to look (asking reads nothing)
 * @param relayGrace    how old a pending event must be before the relay takes it (leaves the request's own publish alone)
 * @param relaySweep    how often the relay looks with no reason known here (the look scans every case: {@code RelayDue})
 */
@ConfigurationProperties("cases.outbox")
public record OutboxProperties(@DefaultValue("5s") Duration relayInterval, @DefaultValue("10s") Duration relayGrace,
        @DefaultValue("1m") Duration relaySweep) {
}
