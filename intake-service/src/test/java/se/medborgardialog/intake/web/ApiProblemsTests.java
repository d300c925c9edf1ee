package se.medborgardialog.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;

class ApiProblemsTests {

    private final ApiProblems problems = new ApiProblems();

    @Test
    void answersAnUnreachableDatabaseWith503AndRetryAfterNot500() {
        var answer = problems.storeUnavailable(new DataAccessResourceFailureException("Exception receiving message"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getTitle()).isEqualTo("Tillfälligt fel");
        assertThat(answer.getBody().getDetail()).doesNotContain("Exception");
    }

    @Test
    void answersADatabaseTimeoutWith503() {
        assertThat(problems.storeUnavailable(new QueryTimeoutException("timed out")).getStatusCode().value())
                .isEqualTo(503);
    }
}
