package se.medborgardialog.intake.web;

import java.io.IOException;

/** Thrown while reading a body that turns out larger than the limit (no or a lying Content-Length). */
class RequestBodyTooLargeException extends IOException {

    private final long limit;

    RequestBodyTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
