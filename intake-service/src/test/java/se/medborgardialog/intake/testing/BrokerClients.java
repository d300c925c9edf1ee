package se.medborgardialog.intake.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** The test context's in-process broker, with a reader of the submissions topic and a sender of other events. */
public abstract class BrokerClients {

    @Autowired
    protected EmbeddedKafkaBroker broker;

    protected SubmissionsTopic topic;
    protected EventsOnKafka events;

    @BeforeEach
    void readTopic() {
        topic = new SubmissionsTopic(broker.getBrokersAsString());
        events = new EventsOnKafka(broker.getBrokersAsString());
    }
}
