package se.medborgardialog.intake.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps request bodies: a declared Content-Length over the limit is refused with 413 before anything is
 * read; a body without one (chunked) is cut off while it is read, which {@link ApiProblems} turns into 413.
 * A {@code multipart/form-data} request (a submission with files) has the larger multipart limit; its JSON part
 * is held to the JSON limit by {@link JsonParts}, and each file to its own by the attachment rules.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxJsonBytes;
    private final long maxMultipartBytes;
    private final JsonMapper jsonMapper;

    RequestBodyLimitFilter(long maxJsonBytes, long maxMultipartBytes, JsonMapper jsonMapper) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxMultipartBytes = maxMultipartBytes;
        this.jsonMapper = jsonMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = isMultipart(request) ? maxMultipartBytes
                : isFormEncoded(request) ? FORM_ENCODING_FACTOR * maxJsonBytes : maxJsonBytes;
        if (request.getContentLengthLong() > maxBytes) {
            ErrorAnswers.refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge(maxBytes), jsonMapper);
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    /**
     * A form post percent-encodes every letter beyond ASCII into up to nine bytes (12 for an emoji's pair), so a
     * reply of 10,000 characters the form allows can take 90 KB: form posts get four times the JSON limit.
     */
    private static final int FORM_ENCODING_FACTOR = 4;

    private static boolean isFormEncoded(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static org.springframework.http.ProblemDetail tooLarge(long maxBytes) {
        String limit = maxBytes >= 1024 * 1024 ? (maxBytes / (1024 * 1024)) + " MiB" : (maxBytes / 1024) + " KiB";
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "För stor begäran",
                "Begäran får vara högst " + limit + ".",
                List.of(new FieldViolation("body", "Begäran är för stor.")));
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new RequestBodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
