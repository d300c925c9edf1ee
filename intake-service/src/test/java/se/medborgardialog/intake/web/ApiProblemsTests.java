package se.medborgardialog.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** Found by the fault suite: a felanmälan or an e-förslag signature while the store was killed answered 500. */
class ApiProblemsTests {

    private final ApiProblems problems = new ApiProblems(new ErrorAnswers(JsonMapper.builder().build(), "Kommunen"));
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void answersAnUnreachableDatabaseWith503AndRetryAfterNot500() throws Exception {
        Object answer = problems.storeUnavailable(new DataAccessResourceFailureException("Exception receiving message"),
                new MockHttpServletRequest("POST", "/api/v1/felanmalningar"), response);

        @SuppressWarnings("unchecked")
        ResponseEntity<ProblemDetail> problem = (ResponseEntity<ProblemDetail>) answer;
        assertThat(problem.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(problem.getBody().getTitle()).isEqualTo("Tillfälligt fel");
        assertThat(problem.getBody().getDetail()).doesNotContain("Exception");
    }

    @Test
    void answersADatabaseTimeoutOnAFormWithTheSwedishPageAnd503() throws Exception {
        Object answer = problems.storeUnavailable(new QueryTimeoutException("timed out"),
                new MockHttpServletRequest("POST", "/felanmalan"), response);

        assertThat(answer).isInstanceOfSatisfying(ModelAndView.class, page -> {
            assertThat(page.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(page.getModel()).containsValue("Tillfälligt fel");
        });
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    @Test
    void answersOpen311InGeoReportsErrorFormat() throws Exception {
        Object answer = problems.storeUnavailable(new QueryTimeoutException("timed out"),
                new MockHttpServletRequest("POST", "/open311/v2/requests.json"), response);

        assertThat(answer).isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("\"code\":503");
    }
}
