package se.medborgardialog.cases.casework;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay that republishes events a crash or a broker outage left pending ({@code cases.outbox.*}).
 *
 * @param relayInterval how often the relay looks
 * @param relayGrace    how old a pending event must be before the relay takes it (leaves the request's own publish alone)
 */
@ConfigurationProperties("cases.outbox")
public record OutboxProperties(@DefaultValue("5s") Duration relayInterval, @DefaultValue("10s") Duration relayGrace) {
}
