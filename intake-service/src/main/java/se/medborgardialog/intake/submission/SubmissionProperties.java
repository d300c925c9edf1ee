package se.medborgardialog.intake.submission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules for accepting synpunkter ({@code intake.*}).
 *
 * @param answerWithinWorkingDays the promise printed on the receipt (local policy; the seeds say two)
 * @param maxBackdating           how far back staff may date a letter, call or e-mail they register late
 * @param allowedClockSkew        how far in the future a stated time of receipt may lie (clients' clocks drift)
 * @param retryAfter              what a 503 tells the client to wait before retrying
 */
@ConfigurationProperties("intake")
public record SubmissionProperties(
        @DefaultValue("2") int answerWithinWorkingDays,
        @DefaultValue("365d") Duration maxBackdating,
        @DefaultValue("5m") Duration allowedClockSkew,
        @DefaultValue("30s") Duration retryAfter) {
}
