package se.medborgardialog.intake.eforslag;

import java.util.List;
import org.springframework.http.HttpStatus;
import se.medborgardialog.intake.web.ProblemException;

/** A move the proposal's state does not allow: 409. */
public class IllegalProposalTransitionException extends ProblemException {

    IllegalProposalTransitionException(String id, ProposalStatus status, String move) {
        super(HttpStatus.CONFLICT, "Inte tillåtet i förslagets läge",
                "Förslaget kan inte " + move + " när det har status " + status + ".", List.of());
    }
}
