package se.medborgardialog.sla.watch;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code deadlineLive} function: every deadline event, on every instance (no consumer group is configured, so
 * the binder gives each instance an anonymous group of its own that starts at the latest offset), pushed to this
 * instance's live streams. Nothing is stored and nothing retried: a page that missed a change shows it on reload.
 */
@Component("deadlineLive")
class DeadlineLiveConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(DeadlineLiveConsumer.class);

    private final WatchBroadcaster broadcaster;
    private final WatchProperties properties;
    private final JsonMapper json;
    private final AtomicLong heard = new AtomicLong();

    DeadlineLiveConsumer(WatchBroadcaster broadcaster, WatchProperties properties, JsonMapper json) {
        this.broadcaster = broadcaster;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void accept(Message<byte[]> message) {
        heard.incrementAndGet();
        try {
            ClockChange.read(CloudEventHeaders.id(message), CloudEventHeaders.type(message),
                            CloudEventHeaders.time(message), message.getPayload(), json)
                    .map(DeadlineWatchConsumer::withId)
                    .ifPresent(change -> broadcaster.publish(change.eventId(), WatchRow.of(change, properties)));
        } catch (RuntimeException unreadable) {
            // the watch's own binding dead-letters it; the live pages just skip it
            log.debug("Live stream skips an unreadable deadline event: {}", unreadable.toString());
        }
    }

    /** How many events this instance has heard, for tests that wait until the binding has its partitions. */
    long heard() {
        return heard.get();
    }
}
