package se.medborgardialog.cases.opening;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.ZoneId;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.Diarienummer;

/**
 * Hands out diarienummer {@code YYYY-NNNNNN}, one series per Stockholm year. The counter is one document per year
 * bumped with an atomic findAndModify ($inc, upsert), so two instances can never get the same number. A number
 * is lost (a gap, never a duplicate) only if the process dies between allocating it and storing the case.
 */
@Component
public class DiarienummerSeries {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final String COLLECTION = "diarienummer_counters";

    private final MongoOperations mongo;

    public DiarienummerSeries(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Diarienummer next(Instant registeredAt) {
        int year = yearOf(registeredAt);
        Document counter = mongo.findAndModify(
                query(where("_id").is(String.valueOf(year))),
                new Update().inc("seq", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        return format(year, ((Number) counter.get("seq")).longValue());
    }

    /** The registration year is the Stockholm year: 23:30 UTC on New Year's Eve is already next year. */
    static int yearOf(Instant registeredAt) {
        return registeredAt.atZone(STOCKHOLM).getYear();
    }

    static Diarienummer format(int year, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalStateException("Diarienummerserien för " + year + " är slut: " + sequence);
        }
        return new Diarienummer(String.format("%04d-%06d", year, sequence));
    }
}
