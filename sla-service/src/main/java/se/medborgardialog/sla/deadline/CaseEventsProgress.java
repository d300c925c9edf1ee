package se.medborgardialog.sla.deadline;

/** Told after each record of the cases topic was handled, so the consumer's progress can be kept with the data. */
public interface CaseEventsProgress {

    /**
     * @param applied true when the record's effects are written (or it needed none); false when handling threw
     *                (the binder retries it, then sends it to the dead-letter topic)
     */
    void handled(String topic, int partition, long offset, boolean applied);
}
