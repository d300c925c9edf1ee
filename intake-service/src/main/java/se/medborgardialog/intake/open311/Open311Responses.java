package se.medborgardialog.intake.open311;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

/**
 * Writes GeoReport v2 answers with mappers of its own, so Open311's snake_case names, XML shape and nulls never
 * depend on (or change) how the rest of the service writes JSON; the controller hands back bytes with the content
 * type set, and no XML message converter is registered for the application (web/JsonOnlyMessageConverters).
 * A list is a JSON array, or in XML a root element with one element per item ({@code <services><service>…}).
 * Nulls are written: {@code null} in JSON, an empty element in XML, as in the specification's examples.
 */
@Component
class Open311Responses {

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private final XmlMapper xml = XmlMapper.builder(XmlFactory.builder().xmlOutputFactory(replacingInvalidCharacters()).build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .defaultUseWrapper(false)
            .enable(XmlWriteFeature.WRITE_XML_DECLARATION)
            .disable(XmlWriteFeature.WRITE_NULLS_AS_XSI_NIL)
            .build();

    /**
     * XML 1.0 cannot carry most control characters (a NUL, an escape) that a citizen's description or an echoed query
     * may hold: they are written as U+FFFD instead of failing the whole answer (and every later list holding them).
     */
    private static XMLOutputFactory replacingInvalidCharacters() {
        XMLOutputFactory factory = new WstxOutputFactory();
        factory.setProperty(WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER,
                new InvalidCharHandler.ReplacingHandler('\uFFFD'));
        return factory;
    }

    ResponseEntity<byte[]> list(HttpStatus status, Format format, String root, String item, List<?> items) {
        return ResponseEntity.status(status).contentType(format.mediaType()).body(listBytes(format, root, item, items));
    }

    ResponseEntity<byte[]> single(Format format, String root, Object value) {
        byte[] body = format == Format.XML
                ? xml.writer().withRootName(root).writeValueAsBytes(value)
                : json.writeValueAsBytes(value);
        return ResponseEntity.ok().contentType(format.mediaType()).body(body);
    }

    /** {@code [{"code": 404, "description": "…"}]} or {@code <errors><error><code>404</code>…}, one per description. */
    ResponseEntity<byte[]> errors(Open311Exception refusal, Format format) {
        List<Open311Views.Error> errors = refusal.descriptions().stream()
                .map(description -> new Open311Views.Error(refusal.status().value(), description))
                .toList();
        return ResponseEntity.status(refusal.status()).headers(refusal.headers()).contentType(format.mediaType())
                .body(listBytes(format, "errors", "error", errors));
    }

    private byte[] listBytes(Format format, String root, String item, List<?> items) {
        return format == Format.XML
                ? xml.writer().withRootName(root).writeValueAsBytes(Map.of(item, items))
                : json.writeValueAsBytes(items);
    }
}
