package se.medborgardialog.cases.messaging;

/** CloudEvents binary-mode header names on Kafka (consumers read them with CloudEventMessageUtils). */
public final class CloudEvents {

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";

    private CloudEvents() {
    }

}
