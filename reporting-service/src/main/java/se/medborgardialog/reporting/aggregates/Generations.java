package se.medborgardialog.reporting.aggregates;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which generation answers queries ({@code active}) and which, during a rebuild, is being filled ({@code building}).
 * Every consumed event goes to both while a rebuild runs, so no event can fall between the rebuild's snapshot of the
 * topics' ends and the swap. Read from the store for every event, so every instance follows a swap at once.
 */
@Component
public class Generations {

    static final String COLLECTION = "reportingState";
    private static final String ID = "generations";

    private final MongoTemplate mongo;

    public Generations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Generation active() {
        Document state = state();
        return new Generation(state == null ? 0 : state.getInteger("active", 0));
    }

    /** The generations a consumed event is written to: the active one, and the one being rebuilt, if any. */
    public List<Generation> writeTargets() {
        Document state = state();
        List<Generation> targets = new ArrayList<>();
        targets.add(new Generation(state == null ? 0 : state.getInteger("active", 0)));
        if (state != null && state.getInteger("building") != null) {
            targets.add(new Generation(state.getInteger("building")));
        }
        return targets;
    }

    /** Starts building the next generation; refuses while another build is under way. */
    public Generation beginBuilding() {
        Generation active = active();
        Generation next = new Generation(active.number() + 1);
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", ID),
                new Document("$setOnInsert", new Document("active", 0)), new com.mongodb.client.model.UpdateOptions().upsert(true));
        Document claimed = mongo.findAndModify(Query.query(where("_id").is(ID).and("building").is(null)),
                new Update().set("building", next.number()), FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION);
        if (claimed == null) {
            throw new IllegalStateException("A rebuild is already under way");
        }
        return next;
    }

    public void swap(Generation built) {
        mongo.updateFirst(Query.query(where("_id").is(ID)),
                new Update().set("active", built.number()).unset("building"), COLLECTION);
    }

    public void abandon(Generation failed) {
        mongo.updateFirst(Query.query(where("_id").is(ID).and("building").is(failed.number())),
                new Update().unset("building"), COLLECTION);
    }

    private Document state() {
        return mongo.getCollection(COLLECTION).find(new Document("_id", ID)).first();
    }
}
