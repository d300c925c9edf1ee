package se.medborgardialog.cases.casework;

import se.medborgardialog.cases.web.NotFoundException;

/** No such case, or one of a unit the caller does not belong to: both answer 404 so nothing leaks. */
public class CaseNotFoundException extends NotFoundException {

    public CaseNotFoundException(String caseId) {
        super("Ärendet " + caseId + " finns inte.");
    }
}
