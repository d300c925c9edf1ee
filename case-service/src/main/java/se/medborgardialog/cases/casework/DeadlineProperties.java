package se.medborgardialog.cases.casework;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deadlines are shown ({@code cases.deadlines.*}).
 *
 * @param dueSoon a running deadline this close is shown as {@code snart-forfallen}
 */
@ConfigurationProperties("cases.deadlines")
public record DeadlineProperties(@DefaultValue("1d") Duration dueSoon) {
}
