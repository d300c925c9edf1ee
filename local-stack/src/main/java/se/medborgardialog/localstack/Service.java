package se.medborgardialog.localstack;

/** The four services with their default ports and the MongoDB database each owns. */
public enum Service {
    INTAKE("intake-service", 8081, "intake"),
    CASE("case-service", 8082, "cases"),
    SLA("sla-service", 8083, "sla"),
    REPORTING("reporting-service", 8084, "reporting");

    private final String moduleName;
    private final int defaultPort;
    private final String database;

    Service(String moduleName, int defaultPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }
}
