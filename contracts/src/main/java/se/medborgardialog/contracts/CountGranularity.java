package se.medborgardialog.contracts;

/** The period of one row of {@link CaseCountsReported}: a Stockholm day or a Stockholm month. */
public enum CountGranularity {
    DAY, MONTH
}
