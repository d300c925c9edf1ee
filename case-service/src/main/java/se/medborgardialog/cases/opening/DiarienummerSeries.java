package se.medborgardialog.cases.opening;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgardialog.contracts.Diarienummer;

/**
 * Hands out diarienummer {@code YYYY-NNNNNN}, one series per Stockholm year. The counter is one document per year
 * bumped with an atomic findAndModify ($inc, upsert), so two instances can never get the same number. A number
 * is lost (a gap, never a duplicate) only if the process dies between allocating it and storing the case, or when
 * another instance opened the same submission first. A poll's new cases take their numbers together: one $inc by
 * their count hands out a consecutive run no other caller can get.
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
        return next(registeredAt, 1).get(0);
    }

    /** {@code count} numbers in a row, in one store round trip. */
    public List<Diarienummer> next(Instant registeredAt, int count) {
        if (count < 1) {
            return List.of();
        }
        int year = yearOf(registeredAt);
        Document counter = mongo.findAndModify(
                query(where("_id").is(String.valueOf(year))),
                new Update().inc("seq", (long) count),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        long last = ((Number) counter.get("seq")).longValue();
        List<Diarienummer> numbers = new ArrayList<>(count);
        for (long sequence = last - count + 1; sequence <= last; sequence++) {
            numbers.add(format(year, sequence));
        }
        return numbers;
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
