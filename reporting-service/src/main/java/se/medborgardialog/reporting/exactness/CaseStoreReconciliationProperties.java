package se.medborgardialog.reporting.exactness;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciliation with case-service's store.
 *
 * @param answerTimeout   how long a request waits for case-service's answer before it is reported as unanswered
 * @param catchUpTimeout  how long an answer waits for this service's consumer to read the cases topic up to the
 *                        offsets the answer names, before the comparison is given up as not fair
 * @param maxDays         the longest period compared per day (a month at a time is compared per month)
 * @param maxMonths       the longest period compared per month
 * @param consumerGroup   the consumer group of the live cases consumer, whose committed offsets are checked
 */
@ConfigurationProperties("reporting.reconciliation")
public record CaseStoreReconciliationProperties(
        @DefaultValue("2m") Duration answerTimeout,
        @DefaultValue("2m") Duration catchUpTimeout,
        @DefaultValue("92") int maxDays,
        @DefaultValue("36") int maxMonths,
        @DefaultValue("reporting-service") String consumerGroup) {
}
