package se.medborgardialog.reporting.exactness;

import java.util.function.Consumer;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.medborgardialog.contracts.EventTypes;

/**
 * Binding {@code reconciliationEvents-in-0} on {@code medborgardialog.reconciliation.v1}: keeps case-service's
 * {@code CaseCountsReported}; the requests on the same topic (its own among them) are ignored.
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationAnswers {

    @Bean
    Consumer<Message<byte[]>> reconciliationEvents(CaseStoreReconciliation reconciliation) {
        return message -> {
            if (EventTypes.CASE_COUNTS_REPORTED.equals(CloudEventMessageUtils.getType(message))) {
                reconciliation.answered(message.getPayload(), CloudEventMessageUtils.getId(message));
            }
        };
    }
}
