package eu.candela.ows.wps10;

import eu.candela.ows.config.CandelaProperties;
import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;
import eu.candela.ows.security.Caller;
import eu.candela.ows.security.JobAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;

/** HTTP bindings of the WPS 1.0.0 endpoint (also at GeoServer's {@code /ows}), its status documents and its outputs. */
@RestController
public class Wps10Controller {
    private final Wps10Service wps;
    private final CandelaProperties properties;
    private final JobAccess access;

    public Wps10Controller(Wps10Service wps, CandelaProperties properties, JobAccess access) {
        this.wps = wps;
        this.properties = properties;
        this.access = access;
    }

    /** Jobs are owned by the caller (the token's subject; the single user in the embedded mode). */
    @GetMapping({"/wps", "/ows"})
    public ResponseEntity<?> get(HttpServletRequest request, Caller caller) {
        return toEntity(wps.get(request.getQueryString(), caller.name(), urls()));
    }

    @PostMapping({"/wps", "/ows"})
    public ResponseEntity<?> post(HttpServletRequest request, Caller caller) throws IOException {
        long limit = properties.wps().maxRequestSize().toBytes();
        if (request.getContentLengthLong() > limit) throw tooLarge(limit);
        try (InputStream body = new LimitedInputStream(request.getInputStream(), limit)) {
            return toEntity(wps.post(body, caller.name(), urls()));
        }
    }

    @GetMapping("/wps/jobs/{jobId}")
    public ResponseEntity<?> status(@PathVariable String jobId, Caller caller) {
        requireVisible(caller, jobId);
        return toEntity(wps.executeService().status(jobId, urls()));
    }

    @DeleteMapping("/wps/jobs/{jobId}")
    public ResponseEntity<?> dismiss(@PathVariable String jobId, Caller caller) {
        requireVisible(caller, jobId);
        return toEntity(wps.executeService().dismiss(jobId, urls()));
    }

    @GetMapping("/wps/jobs/{jobId}/outputs/{outputId}")
    public ResponseEntity<?> output(@PathVariable String jobId, @PathVariable String outputId, Caller caller) {
        requireVisible(caller, jobId);
        return toEntity(wps.executeService().output(jobId, outputId, urls()));
    }

    /** Another user's job answers exactly as an unknown one: existence must not leak. */
    private void requireVisible(Caller caller, String jobId) {
        if (!access.mayRead(caller, jobId)) {
            throw new OwsException(OwsExceptionCode.NoSuchJob, "jobId", "No job with id '" + jobId + "'");
        }
    }

    private ServiceUrls urls() {
        return ServiceUrls.forCurrentRequest(properties.publicUrl());
    }

    static ResponseEntity<?> toEntity(OwsResponse r) {
        var builder = ResponseEntity.status(r.status()).contentType(MediaType.parseMediaType(r.contentType()));
        if (r.file() != null) {
            Resource file = new FileSystemResource(r.file());
            return builder.body(file);
        }
        return builder.body(r.body());
    }

    static OwsException tooLarge(long limit) {
        return new OwsException(OwsExceptionCode.FileSizeExceeded, "request",
                "The request body is larger than the limit of " + limit + " bytes");
    }

    /** Stops reading once the limit is passed, for bodies sent without Content-Length (chunked). */
    static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) throw tooLarge(limit);
        }
    }
}
