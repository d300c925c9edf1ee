package se.medborgardialog.cases.web;

/** Answered 404. Also used for things that exist but are not the caller's, so their existence does not leak. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String swedishMessage) {
        super(swedishMessage);
    }
}
