package se.medborgardialog.cases.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mails to citizens ({@code cases.mail.*}): answers and officers' questions. The SMTP server itself is Boot's
 * {@code spring.mail.host} and {@code spring.mail.port}: the municipality's mail relay in production, the local
 * stack's GreenMail in development.
 *
 * @param from          the sender; a no-reply address (answers to it are not read)
 * @param relayInterval how often the relay retries mails left pending (SMTP server down, process crashed)
 * @param relayGrace    how old a pending mail must be before the relay takes it (leaves the request's own send alone)
 * @param intakeBaseUrl where citizens reach intake-service, whose status page ({@code /status?kod=}) takes replies
 */
@ConfigurationProperties("cases.mail")
public record CaseMailProperties(@DefaultValue("no-reply@exempelkommun.se") String from,
        @DefaultValue("1m") Duration relayInterval, @DefaultValue("30s") Duration relayGrace,
        @DefaultValue("http://localhost:8081") String intakeBaseUrl) {
}
