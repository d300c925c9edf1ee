package se.medborgardialog.sla.deadline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Deadline documents keep their guarantee's terms by id and version only ({@code terms: {guaranteeId,
 * guaranteeVersion}}) when those terms are exactly a version in the versioned {@code guarantees} store, which never
 * changes a stored version: a document of a few hundred bytes instead of one to two kilobytes. Reading expands them
 * from that store (cached per version, {@link GuaranteeTerms}) before the document is mapped. Terms that are not a
 * stored version are kept whole, and documents written before this (terms embedded in full) read as they are.
 */
@Component
class CompactTerms extends AbstractMongoEventListener<Deadline> {

    private static final String TERMS = "terms";
    private static final String ID = "guaranteeId";
    private static final String VERSION = "guaranteeVersion";

    private final GuaranteeTerms guarantees;
    private final ObjectProvider<MongoConverter> converter;
    private final Map<String, Document> expanded = new ConcurrentHashMap<>();

    CompactTerms(GuaranteeTerms guarantees, ObjectProvider<MongoConverter> converter) {
        this.guarantees = guarantees;
        this.converter = converter;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<Deadline> event) {
        Document document = event.getDocument();
        Deadline deadline = event.getSource();
        if (document != null && deadline != null && guarantees.isStored(deadline.terms())) {
            document.put(TERMS, new Document(ID, deadline.terms().guaranteeId())
                    .append(VERSION, deadline.terms().guaranteeVersion()));
        }
    }

    @Override
    public void onAfterLoad(AfterLoadEvent<Deadline> event) {
        expand(event.getDocument());
    }

    /** Replaces compact terms in a raw deadline document by the full terms of that version. */
    void expand(Document document) {
        if (document == null || !(document.get(TERMS) instanceof Document terms) || terms.containsKey("duration")
                || terms.getString(ID) == null) {
            return;
        }
        String id = terms.getString(ID);
        int version = terms.get(VERSION, Number.class).intValue();
        Document full = expanded.computeIfAbsent(id + ":" + version, key -> {
            ClockTerms found = guarantees.find(id, version).orElseThrow(() -> new IllegalStateException(
                    "Deadline " + document.get("_id") + " refers to guarantee " + id + " version " + version
                            + ", which is not stored"));
            Document written = new Document();
            converter.getObject().write(found, written);
            written.remove("_class");
            return written;
        });
        document.put(TERMS, new Document(full));
    }
}
