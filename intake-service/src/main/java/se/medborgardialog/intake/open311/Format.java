package se.medborgardialog.intake.open311;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The response formats of GeoReport v2, chosen by the path's extension ({@code services.json}, {@code services.xml}). */
enum Format {
    JSON(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8)),
    XML(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8));

    private final MediaType mediaType;

    Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** @throws Open311Exception 404 for any other extension */
    static Format of(String extension) {
        return parse(extension).orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
                "Okänt format '" + extension + "': använd .json eller .xml."));
    }

    static Optional<Format> parse(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    /** The format an error is written in: the path's own when it names one, otherwise JSON. */
    static Format ofPath(String path) {
        int dot = path == null ? -1 : path.lastIndexOf('.');
        int slash = path == null ? -1 : path.lastIndexOf('/');
        return dot > slash ? parse(path.substring(dot + 1)).orElse(JSON) : JSON;
    }
}
