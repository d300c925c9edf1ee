package se.medborgardialog.intake.eforslag;

/** A citizen's new e-förslag with their identity evidence (development: personnummer and kommun). */
public record ProposalRequest(String title, String text, String category, String personnummer, String kommun) {

    @Override
    public String toString() {
        return "ProposalRequest[category=" + category + "]";
    }
}
