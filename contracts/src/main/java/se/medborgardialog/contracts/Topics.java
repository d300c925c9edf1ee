package se.medborgardialog.contracts;

/**
 * Kafka topic names. Every record on the case, submission and deadline topics is keyed by the case id (which for a case opened from a
 * submission is the submission's UUID), so all events about one case stay in order on one partition.
 */
public final class Topics {

    /**
     * Submissions accepted by intake-service: {@link SynpunktSubmitted}, {@link FelanmalanSubmitted},
     * {@link AvvikelseReported}, and the e-förslag lifecycle ({@link EforslagSubmitted}, {@link EforslagPublished},
     * {@link EforslagRejected}, {@link EforslagExpired}, {@link EforslagSentToNamnd}), and the citizen's
     * reply to an officer's question ({@link CitizenReplied}).
     */
    public static final String SUBMISSIONS = "medborgardialog.submissions.v1";

    /**
     * Case lifecycle published by case-service: {@link CaseOpened}, {@link CaseAssigned}, {@link CaseForwarded},
     * {@link CitizenInfoRequested}, {@link CitizenInfoReceived}, {@link CaseAnswered}, {@link CaseClosed},
     * {@link CaseReopened}, {@link CasesLinked}, {@link DuplicateReportLinked}, {@link AvvikelseStepRecorded}, {@link DecisionDemanded}.
     */
    public static final String CASES = "medborgardialog.cases.v1";

    /** Deadline clocks published by sla-service: {@link DeadlineScheduled}, {@link DeadlineMet}, {@link DeadlineBreached},
     * {@link DeadlinePaused}, {@link DeadlineResumed}, {@link DeadlineWarning}, {@link DeadlineRescheduled}. */
    public static final String DEADLINES = "medborgardialog.deadlines.v1";

    /**
     * Reconciliation of reporting's aggregates with case-service's store: {@link ReconciliationRequested} (reporting
     * asks) and {@link CaseCountsReported} (case-service answers), keyed by the {@link ReconciliationId}.
     */
    public static final String RECONCILIATION = "medborgardialog.reconciliation.v1";

    private Topics() {
    }
}
