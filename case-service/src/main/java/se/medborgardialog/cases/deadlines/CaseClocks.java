package se.medborgardialog.cases.deadlines;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The names of the clocks sla-service reported for one case ({@code _id} = the case id), so a case's deadline records
 * ({@code case_deadlines}, {@code _id} = case id and clock) are read by their ids. Looking them up by their
 * {@code caseId} field scanned the whole collection on every case opened and every deadline event: the embedded store
 * has no index but the unique ones.
 */
@Document(CaseClocks.COLLECTION)
record CaseClocks(@Id String caseId, List<String> clocks) {

    static final String COLLECTION = "case_deadline_clocks";
}
