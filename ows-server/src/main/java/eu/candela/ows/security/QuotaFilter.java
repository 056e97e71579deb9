package eu.candela.ows.security;

import eu.candela.ows.exception.ExceptionReportCodec;
import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import eu.candela.ows.jobs.JobRecord;
import eu.candela.ows.jobs.JobState;
import eu.candela.ows.jobs.JobStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The per-user quotas ({@code candela.security.quotas}): requests per minute on every endpoint but
 * health, and queued plus running jobs at each Execute. WPS callers get a ServerBusy ExceptionReport,
 * others HTTP 429 problem JSON; both carry {@code Retry-After}.
 *
 * <p>The job count is read before the job is submitted, so two Executes racing at the limit may
 * both pass: a soft limit, by at most the number of concurrent requests of that user.
 */
final class QuotaFilter extends OncePerRequestFilter {
    private final JobStore jobs;
    private final int maxActiveJobs;
    private final int perMinute;
    private final RequestRateLimiter rate;
    private final WpsExecuteMatcher execute = new WpsExecuteMatcher();

    /** @param jobs read only, for the count of a user's open jobs */
    QuotaFilter(JobStore jobs, SecurityProperties.Quotas quotas, RequestRateLimiter rate) {
        this.jobs = jobs;
        this.maxActiveJobs = quotas.maxActiveJobs();
        this.perMinute = quotas.requestsPerMinute();
        this.rate = rate;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Callers.current();
        boolean wps = isWps(request);
        Optional<Duration> wait = rate.acquire(caller.authenticated() ? "user:" + caller.name() : "addr:" + request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            refuse(response, wps, seconds, "Too many requests: the limit is " + perMinute + " per user per minute; retry in " + seconds + " s");
            return;
        }
        if (execute.matches(request)) {
            long active = activeJobs(caller.name());
            if (active >= maxActiveJobs) {
                refuse(response, true, 30, "Server busy for " + caller.name() + ": " + active + " jobs queued or running, "
                        + "the limit per user is " + maxActiveJobs + "; retry when one has finished");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private long activeJobs(String owner) {
        return jobs.findByStates(EnumSet.of(JobState.ACCEPTED, JobState.RUNNING)).stream().map(JobRecord::owner).filter(owner::equals).count();
    }

    private static boolean isWps(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/wps") || path.equals("/ows") || path.startsWith("/wps/");
    }

    private static void refuse(HttpServletResponse response, boolean wps, long retryAfterSeconds, String message)
            throws IOException {
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        byte[] body;
        if (wps) {
            OwsException e = new OwsException(OwsExceptionCode.ServerBusy, null, message);
            response.setStatus(e.httpStatus());
            response.setContentType(ExceptionReportCodec.MEDIA_TYPE);
            body = ExceptionReportCodec.encode(e, "1.0.0");
        } else {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            body = ("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\""
                    + message.replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        response.getOutputStream().write(body);
    }
}
