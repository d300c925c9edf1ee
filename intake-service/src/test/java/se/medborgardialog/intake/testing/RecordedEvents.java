package se.medborgardialog.intake.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Records every contract event intake-service read back from Kafka, in the order the listeners got them. */
@TestComponent
public class RecordedEvents {

    private final List<Object> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(Object event) {
        if (event.getClass().getPackageName().equals("se.medborgardialog.contracts")) {
            seen.add(event);
        }
    }

    public <T> List<T> of(Class<T> type) {
        return seen.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
