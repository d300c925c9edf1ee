package se.medborgardialog.reporting.statistics;

/** What figures can be filtered and grouped by; the names are the cells' fields and the API's parameters. */
public enum Dimension {
    CASE_TYPE("caseType"), KIND("kind"), CATEGORY("category"), UNIT("unit"), NAMND("namnd"), CHANNEL("channel");

    private final String field;

    Dimension(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static Dimension ofField(String field) {
        for (Dimension dimension : values()) {
            if (dimension.field.equals(field)) {
                return dimension;
            }
        }
        return null;
    }
}
