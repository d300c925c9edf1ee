package se.medborgardialog.intake.eforslag;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import se.medborgardialog.intake.web.ProblemException;

/** The e-förslag feature's refusals, as problem+json. */
public class EforslagProblem extends ProblemException {

    private final HttpHeaders headers;

    private EforslagProblem(HttpStatus status, String title, String detail, HttpHeaders headers) {
        super(status, title, detail, List.of());
        this.headers = headers;
    }

    static EforslagProblem notFound() {
        return new EforslagProblem(HttpStatus.NOT_FOUND, "Förslaget finns inte",
                "Det finns inget e-förslag med det id:t.", new HttpHeaders());
    }

    static EforslagProblem notResident() {
        return new EforslagProblem(HttpStatus.FORBIDDEN, "Endast för folkbokförda i kommunen",
                "Bara den som är folkbokförd i kommunen kan lämna eller skriva under e-förslag.", new HttpHeaders());
    }

    static EforslagProblem alreadySigned() {
        return new EforslagProblem(HttpStatus.CONFLICT, "Redan underskrivet",
                "Du har redan skrivit under det här förslaget. Varje person kan skriva under en gång.",
                new HttpHeaders());
    }

    static EforslagProblem notSigned() {
        return new EforslagProblem(HttpStatus.NOT_FOUND, "Ingen underskrift",
                "Du har inte skrivit under det här förslaget.", new HttpHeaders());
    }

    static EforslagProblem closed() {
        return new EforslagProblem(HttpStatus.CONFLICT, "Förslaget är stängt",
                "Förslaget är inte öppet för underskrifter.", new HttpHeaders());
    }

    static EforslagProblem similarExists() {
        return new EforslagProblem(HttpStatus.CONFLICT, "Liknande förslag finns",
                "Ett förslag med samma rubrik har publicerats under den senaste perioden; förslaget kan inte publiceras.",
                new HttpHeaders());
    }

    static EforslagProblem noIdentityProvider() {
        HttpHeaders headers = new HttpHeaders();
        return new EforslagProblem(HttpStatus.SERVICE_UNAVAILABLE, "E-legitimation saknas",
                "Ingen e-legitimation är konfigurerad, så e-förslag kan inte lämnas eller skrivas under just nu.",
                headers);
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }
}
