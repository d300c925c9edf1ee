package se.medborgardialog.intake.open311;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.medborgardialog.intake.felanmalan.FelanmalanCategory;
import se.medborgardialog.intake.felanmalan.FelanmalanProperties;
import se.medborgardialog.intake.felanmalan.FelanmalanReport;
import se.medborgardialog.intake.felanmalan.FelanmalanReports;
import se.medborgardialog.intake.open311.Open311Views.ServiceRequest;
import se.medborgardialog.intake.open311.RequestFilter.Status;
import se.medborgardialog.intake.tracking.CaseProgress;
import se.medborgardialog.intake.tracking.CaseProgressLookup;
import se.medborgardialog.intake.tracking.TrackingCodeFormat;

/**
 * Felanmälningar as GeoReport v2 service requests: each report intake read back ({@code felanmalan_reports}, no
 * contact details) joined with the progress of the case that handles it. The service request id is the report's
 * submission id; a linked duplicate is a request of its own that shows the status of the case it follows.
 */
@Component
class ServiceRequests {

    private final FelanmalanReports reports;
    private final CaseProgressLookup progress;
    private final FelanmalanProperties catalogue;
    private final Open311Properties properties;

    ServiceRequests(FelanmalanReports reports, CaseProgressLookup progress, FelanmalanProperties catalogue,
            Open311Properties properties) {
        this.reports = reports;
        this.progress = progress;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    Optional<ServiceRequest> find(String serviceRequestId) {
        return RequestFilter.canonicalId(serviceRequestId)
                .flatMap(reports::find)
                .map(report -> views(List.of(report)).get(0));
    }

    /** Newest first, at most {@code intake.open311.max-requests}. */
    List<ServiceRequest> find(RequestFilter filter) {
        int max = properties.maxRequests();
        if (filter.ids() != null) {
            return views(reports.findAll(filter.ids())).stream().limit(max).toList();
        }
        List<ServiceRequest> found = new ArrayList<>();
        long skip = 0;
        while (found.size() < max) {
            // The status lives with the case, so it is filtered after the join, a page at a time.
            List<FelanmalanReport> page = reports.receivedBetween(filter.from(), filter.to(), filter.serviceCodes(),
                    skip, max);
            views(page).stream()
                    .filter(request -> filter.includes(Status.valueOf(request.status().toUpperCase(Locale.ROOT))))
                    .limit(max - found.size())
                    .forEach(found::add);
            if (page.size() < max) {
                break;
            }
            skip += page.size();
        }
        return found;
    }

    /** The token handed out on posting is the report's tracking code (see Open311Controller). */
    Optional<Open311Views.Token> token(String token) {
        return TrackingCodeFormat.canonical(token)
                .flatMap(reports::findByTrackingCode)
                .map(report -> new Open311Views.Token(report.submissionId(), report.trackingCode()));
    }

    private List<ServiceRequest> views(List<FelanmalanReport> page) {
        Map<String, CaseProgress> cases = progress.find(page.stream().map(FelanmalanReport::caseId).distinct()
                .toList());
        return page.stream()
                .map(report -> view(report, cases.getOrDefault(report.caseId(), CaseProgress.none(report.caseId()))))
                .toList();
    }

    private ServiceRequest view(FelanmalanReport report, CaseProgress caseProgress) {
        Instant updated = caseProgress.updatedAt() != null && caseProgress.updatedAt().isAfter(report.receivedAt())
                ? caseProgress.updatedAt() : report.receivedAt();
        return new ServiceRequest(
                report.submissionId(),
                (caseProgress.closed() ? Status.CLOSED : Status.OPEN).value(),
                StatusNotes.of(report.duplicateOf(), caseProgress),
                serviceName(report.category()),
                report.category(),
                report.description(),
                caseProgress.unit(),
                null,
                W3cDateTimes.format(report.receivedAt()),
                W3cDateTimes.format(updated),
                W3cDateTimes.format(caseProgress.expectedAt()),
                report.address(),
                null,
                null,
                report.lat(),
                report.lon(),
                null);
    }

    private String serviceName(String code) {
        return catalogue.categories().stream().filter(category -> category.id().equals(code))
                .map(FelanmalanCategory::name).findFirst().orElse(code);
    }
}
