package eu.candela.ows.wms;

import eu.candela.ows.config.CandelaProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * HTTP binding of the WMS endpoint: {@code GET /wms} with key-value pairs, and {@code POST /wms}
 * with the same pairs form-encoded. {@code /ows?SERVICE=WMS} is forwarded here by {@link OwsWmsForwarding}.
 */
@RestController
public class WmsController {
    static final String PATH = "/wms";

    private final WmsService wms;
    private final CandelaProperties properties;

    public WmsController(WmsService wms, CandelaProperties properties) {
        this.wms = wms;
        this.properties = properties;
    }

    @GetMapping(PATH)
    public ResponseEntity<byte[]> get(HttpServletRequest request) {
        return answer(request);
    }

    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<byte[]> post(HttpServletRequest request) {
        return answer(request);
    }

    private ResponseEntity<byte[]> answer(HttpServletRequest request) {
        WmsResponse r = wms.handle(WmsParameters.of(request.getParameterMap()), serviceUrl());
        return ResponseEntity.status(r.status())
                .header(HttpHeaders.CONTENT_TYPE, r.contentType())
                .header(HttpHeaders.CACHE_CONTROL, r.cacheControl())
                .body(r.body());
    }

    private String serviceUrl() {
        String configured = properties.publicUrl();
        String base = configured.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : configured;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH;
    }
}
