package eu.candela.ows.security;

import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-user quotas on a secured server: open jobs per user at Execute, requests per minute everywhere. */
@TestPropertySource(properties = {"candela.security.quotas.max-active-jobs=1", "candela.security.quotas.requests-per-minute=20"})
class QuotaTest extends SecuredServerTestBase {

    @Test
    void secondOpenJobOfOneUserIsServerBusyWhileAnotherUserMayExecute() {
        String dave = userToken("dave");
        HttpResponse<byte[]> first = post("/wps", requestBody("wps10/execute-change-async.xml"), dave);
        assertThat(first.statusCode()).isEqualTo(200);
        String statusLocation = Xml.of(first.body()).text("/wps:ExecuteResponse/@statusLocation");
        try {
            HttpResponse<byte[]> second = post("/wps", requestBody("wps10/execute-change-async.xml"), dave);
            assertThat(second.statusCode()).isEqualTo(503);
            OgcSchemas.assertValid(OgcSchemas.wps10(), second.body());
            assertThat(Xml.of(second.body()).text("//ows:Exception/@exceptionCode")).isEqualTo("ServerBusy");
            assertThat(Xml.of(second.body()).text("//ows:ExceptionText")).contains("limit per user is 1");
            assertThat(second.headers().firstValue("Retry-After")).isPresent();

            HttpResponse<byte[]> eves = get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=Hello"
                    + "&DataInputs=name=eve&RawDataOutput=response", userToken("eve"));
            assertThat(eves.statusCode()).isEqualTo(200);
        } finally {
            delete(statusLocation, dave);
        }
    }

    @Test
    void requestsBeyondTheRateAreRefusedWithRetryAfter() {
        String carol = userToken("carol");
        String caps = "/wps?service=WPS&request=GetCapabilities";
        for (int i = 0; i < 20; i++) {
            assertThat(get(caps, carol).statusCode()).as("request %d", i + 1).isEqualTo(200);
        }
        HttpResponse<byte[]> wps = get(caps, carol);
        assertThat(wps.statusCode()).isEqualTo(503);
        assertThat(Xml.of(wps.body()).text("//ows:Exception/@exceptionCode")).isEqualTo("ServerBusy");
        assertThat(wps.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());

        HttpResponse<byte[]> rest = get("/rest/layers/x:y/access", carol);
        assertThat(rest.statusCode()).isEqualTo(429);
        assertThat(text(rest)).contains("20 per user per minute");
        assertThat(rest.headers().firstValue("Retry-After")).isPresent();

        // another user has their own allowance
        assertThat(get(caps, userToken("frank")).statusCode()).isEqualTo(200);
    }
}
