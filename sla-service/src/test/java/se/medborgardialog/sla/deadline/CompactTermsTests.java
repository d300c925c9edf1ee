package se.medborgardialog.sla.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.context.support.GenericApplicationContext;
import se.medborgardialog.contracts.CaseId;
import se.medborgardialog.sla.guarantee.Catalogues;
import se.medborgardialog.sla.guarantee.InMemoryGuaranteeStore;
import se.medborgardialog.sla.guarantee.StoredGuarantee;
import se.medborgardialog.workingdays.SwedishCalendar;

/** Deadline documents keep a stored guarantee version's terms by id and version; old documents with full terms read. */
class CompactTermsTests {

    private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    private final String database = "compact-terms-" + UUID.randomUUID();
    private MongoClient client;
    private MongoTemplate mongo;
    private MongoDeadlineStore store;
    private ClockTerms stored;
    private GenericApplicationContext context;

    @BeforeEach
    void store() {
        client = MongoClients.create(se.medborgardialog.testsupport.InProcessMongo.uri(database));
        mongo = new MongoTemplate(client, database);
        InMemoryGuaranteeStore guarantees = new InMemoryGuaranteeStore();
        StoredGuarantee version = StoredGuarantee.of(
                Catalogues.guarantee("gatubelysning", "street-light", "P15WD"), 2, T, "ada");
        guarantees.insert(version);
        stored = ClockTerms.of(version.guarantee());
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("converter", mongo.getConverter());
        CompactTerms compact = new CompactTerms(new GuaranteeTerms(guarantees), beans.getBeanProvider(MongoConverter.class));
        context = new GenericApplicationContext();
        context.addApplicationListener(compact);
        context.refresh();
        mongo.setApplicationContext(context);
        store = new MongoDeadlineStore(mongo);
    }

    @AfterEach
    void close() {
        context.close();
        client.getDatabase(database).drop();
        client.close();
    }

    private Deadline clock(ClockTerms terms) {
        return Deadline.schedule(new CaseId(UUID.randomUUID()), "stadsmiljo", "street-light", terms, T,
                new SwedishCalendar(), T);
    }

    private Document raw(String id) {
        return client.getDatabase(database).getCollection("deadlines").find(new Document("_id", id)).first();
    }

    @Test
    void aStoredVersionsTermsAreKeptByIdAndVersionAndReadWhole() {
        Deadline deadline = clock(stored);
        store.insert(deadline);

        assertThat(raw(deadline.id()).get("terms", Document.class))
                .isEqualTo(new Document("guaranteeId", "gatubelysning").append("guaranteeVersion", 2));
        assertThat(store.find(deadline.id()).orElseThrow()).isEqualTo(deadline);
        Deadline next = deadline.stop(T.plusSeconds(60), T.plusSeconds(60)).orElseThrow();
        assertThat(store.replace(deadline, next)).isTrue();
        assertThat(raw(deadline.id()).get("terms", Document.class)).hasSize(2);
        assertThat(store.findByCase(deadline.caseId())).containsExactly(next);
    }

    @Test
    void anOldDocumentWithItsTermsEmbeddedReadsAsBefore() {
        Deadline deadline = clock(stored);
        // Written as before this change: the whole terms in the document (no listener on this template).
        new MongoTemplate(client, database).insert(deadline);
        assertThat(raw(deadline.id()).get("terms", Document.class)).containsKeys("duration", "title", "stopOn");

        assertThat(store.find(deadline.id()).orElseThrow()).isEqualTo(deadline);
        assertThat(store.findAll(java.util.List.of(deadline.id()))).containsExactly(deadline);
    }

    @Test
    void aCompactDocumentIsAQuarterSmallerThanOneWithEvenTheSmallestTermsEmbedded() {
        Deadline compact = clock(stored);
        Deadline whole = clock(stored);
        store.insert(compact);
        new MongoTemplate(client, database).insert(whole);

        int compactBytes = size(raw(compact.id()));
        int wholeBytes = size(raw(whole.id()));
        assertThat(compactBytes).as("%d bytes against %d", compactBytes, wholeBytes).isLessThan(wholeBytes * 3 / 4);
    }

    private static int size(Document document) {
        return new org.bson.RawBsonDocument(document, new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining();
    }

    @Test
    void termsThatAreNotAStoredVersionAreKeptWhole() {
        ClockTerms changed = new ClockTerms(stored.guaranteeId(), stored.guaranteeVersion(), "En annan titel",
                stored.type(), stored.duration(), stored.stopOn(), stored.pauseOn(), stored.resumeOn(), stored.warnings(),
                stored.suspensions(), stored.compensation());
        Deadline deadline = clock(changed);
        store.insert(deadline);

        assertThat(raw(deadline.id()).get("terms", Document.class)).containsEntry("title", "En annan titel");
        assertThat(store.find(deadline.id()).orElseThrow().terms()).isEqualTo(changed);
    }
}
