package se.medborgardialog.sla.watch;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live streams ({@code GET /bevakning/handelser}) open on this instance, each with the units its manager
 * watches; a change goes only to the streams of its unit. Every instance hears every change (the {@code deadlineLive}
 * binding has a consumer group of its own per instance), so a manager's page is live whichever instance serves it.
 */
@Component
public class WatchBroadcaster implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WatchBroadcaster.class);
    static final String EVENT = "bevakning";

    /** @param units the units watched; null for all of them (an administrator) */
    private record Subscriber(SseEmitter emitter, Set<String> units, String username) {

        boolean watches(String unit) {
            return units == null || units.contains(unit);
        }
    }

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private final WatchProperties properties;
    private final JsonMapper json;

    WatchBroadcaster(WatchProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    /**
     * A new stream for a manager of {@code units} (null: every unit); it says it is open with a first comment.
     */
    public SseEmitter subscribe(String username, Set<String> units) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Subscriber subscriber = new Subscriber(emitter, units == null ? null : Set.copyOf(units), username);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        try {
            // the reconnect delay the browser uses after the stream ends or breaks
            emitter.send(SseEmitter.event().comment("ansluten").reconnectTime(3000));
        } catch (IOException gone) {
            subscribers.remove(subscriber);
        }
        return emitter;
    }

    /** Sends the change to every stream of its unit; a stream that cannot take it is closed. */
    public void publish(String eventId, WatchRow row) {
        String data = json.writeValueAsString(row);
        for (Subscriber subscriber : subscribers) {
            if (subscriber.watches(row.unit())) {
                send(subscriber, SseEmitter.event().name(EVENT).id(eventId).data(data));
            }
        }
    }

    /** A comment on every stream, so proxies and load balancers see traffic and keep it open. */
    @Scheduled(fixedDelayString = "${sla.watch.heartbeat:PT15S}")
    public void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            send(subscriber, SseEmitter.event().comment("hjärtslag"));
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown, which would otherwise wait for them (they never end
     * on their own); the browsers reconnect to another instance.
     */
    @Override
    public void stop() {
        running = false;
        for (Subscriber subscriber : subscribers) {
            subscribers.remove(subscriber);
            subscriber.emitter().complete();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server (the graceful shutdown's phase is lower). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    int open() {
        return subscribers.size();
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            log.debug("Live stream of {} closed: {}", subscriber.username(), gone.toString());
            subscribers.remove(subscriber);
            subscriber.emitter().completeWithError(gone);
        }
    }
}
