package se.medborgardialog.cases.web;

import java.time.Instant;

/** A time as the officers' pages show it (Stockholm, {@link Swedish#dateTime}) and as {@code <time datetime>} wants it. */
public record Moment(String text, String iso) {

    public static Moment of(Instant instant) {
        return new Moment(Swedish.dateTime(instant), instant == null ? null : instant.toString());
    }
}
