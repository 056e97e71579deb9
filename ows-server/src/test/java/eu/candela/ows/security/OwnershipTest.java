package eu.candela.ows.security;

import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two users and an operator against one job of Alice's (ChangeDetection on the sample pair, whose
 * GeoTIFF outputs are published as layers): Bob can neither read, dismiss nor map her job, its
 * outputs or its layers, by id, by guessed layer name, through WPS, WMS, WMTS, the preview or
 * REST, and each refusal looks exactly like the answer for something that does not exist. The
 * operator sees everything; once Alice makes a layer public, everyone sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnershipTest extends SecuredServerTestBase {
    private static final String GETMAP = "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&STYLES=&SRS=EPSG:4326"
            + "&BBOX=-180,-90,180,90&WIDTH=64&HEIGHT=32&FORMAT=image/png&LAYERS=";
    private String alice;
    private String bob;
    private String operator;
    private String jobId;
    private String layer;

    @BeforeAll
    void aliceRunsAChangeDetection() {
        alice = userToken(ALICE);
        bob = userToken(BOB);
        operator = operatorToken();
        HttpResponse<byte[]> accepted = post("/wps", requestBody("wps10/execute-change-async.xml"), alice);
        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(200);
        String statusLocation = Xml.of(accepted.body()).text("/wps:ExecuteResponse/@statusLocation");
        jobId = statusLocation.substring(statusLocation.lastIndexOf('/') + 1);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                text(get(statusLocation, alice)).contains("ProcessSucceeded"));
        layer = "results:ChangeDetection_" + jobId + "_probability";
    }

    @Test
    void onlyTheOwnerAndOperatorsReadTheStatusDocument() {
        assertThat(get(status(jobId), alice).statusCode()).isEqualTo(200);
        assertThat(get(status(jobId), operator).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> bobs = get(status(jobId), bob);
        assertThat(bobs.statusCode()).isEqualTo(404);
        assertSameRefusal(bobs, get(status(UUID.randomUUID().toString()), bob), jobId);
    }

    @Test
    void anotherUserCannotFetchOutputs() {
        String output = status(jobId) + "/outputs/probability";
        assertThat(get(output, alice).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> bobs = get(output, bob);
        assertThat(bobs.statusCode()).isEqualTo(404);
        assertSameRefusal(bobs, get(status(UUID.randomUUID().toString()) + "/outputs/probability", bob), jobId);
    }

    @Test
    void anotherUserCannotDismiss() {
        assertThat(delete(status(jobId), bob).statusCode()).isEqualTo(404);
        assertThat(text(get(status(jobId), alice))).contains("ProcessSucceeded");
    }

    @Test
    void privateLayerIsInTheCapabilitiesOfItsOwnerAndOperatorsOnly() {
        String caps = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities";
        assertThat(text(get(caps, alice))).contains(layer);
        assertThat(text(get(caps, operator))).contains(layer);
        assertThat(text(get(caps, bob))).doesNotContain(jobId);
        assertThat(text(get(caps, null))).doesNotContain(jobId);
        String wmts = "/wmts/1.0.0/WMTSCapabilities.xml";
        assertThat(text(get(wmts, alice))).contains(layer);
        assertThat(text(get(wmts, bob))).doesNotContain(jobId);
        assertThat(text(get(wmts, null))).doesNotContain(jobId);
    }

    @Test
    void guessedLayerNameIsNotDefinedForAnotherUserInEveryWmsOperation() {
        assertThat(get(GETMAP + layer, alice).headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(get(GETMAP + layer, operator).headers().firstValue("Content-Type")).hasValue("image/png");
        String unknown = "results:ChangeDetection_" + UUID.randomUUID() + "_probability";
        assertSameRefusal(get(GETMAP + layer + "&EXCEPTIONS=application/vnd.ogc.se_xml", bob),
                get(GETMAP + unknown + "&EXCEPTIONS=application/vnd.ogc.se_xml", bob), layer);
        assertThat(text(get(GETMAP + layer + "&EXCEPTIONS=application/vnd.ogc.se_xml", bob))).contains("LayerNotDefined");
        String info = "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetFeatureInfo&STYLES=&SRS=EPSG:4326&BBOX=-180,-90,180,90"
                + "&WIDTH=64&HEIGHT=32&FORMAT=image/png&X=10&Y=10&INFO_FORMAT=text/plain&LAYERS=%s&QUERY_LAYERS=%s";
        assertThat(text(get(info.formatted(layer, layer), bob))).contains("LayerNotDefined");
        assertThat(get(info.formatted(layer, layer), alice).statusCode()).isEqualTo(200);
        String legend = "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=";
        assertThat(text(get(legend + layer, bob))).contains("LayerNotDefined");
        assertThat(get(legend + layer, alice).headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(text(get(GETMAP + layer + "&EXCEPTIONS=application/vnd.ogc.se_xml", null))).contains("LayerNotDefined");
    }

    @Test
    void guessedLayerNameGivesNoTileToAnotherUser() {
        String tile = "/wmts/rest/" + layer + "/default/GoogleMapsCompatible/0/0/0.png";
        HttpResponse<byte[]> alices = get(tile, alice);
        assertThat(alices.statusCode()).isEqualTo(200);
        assertThat(alices.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("private"));
        String unknown = "/wmts/rest/results:ChangeDetection_" + UUID.randomUUID() + "_probability/default/GoogleMapsCompatible/0/0/0.png";
        HttpResponse<byte[]> bobs = get(tile, bob);
        assertThat(bobs.statusCode()).isBetween(400, 404);
        assertSameRefusal(bobs, get(unknown, bob), layer);
        assertThat(get(tile, null).statusCode()).isEqualTo(bobs.statusCode());
    }

    @Test
    void previewAndRestDoNotShowAnotherUsersLayer() {
        assertThat(get("/preview/" + layer, alice).statusCode()).isEqualTo(200);
        assertThat(get("/preview/" + layer, bob).statusCode()).isEqualTo(404);
        assertThat(text(get("/preview", bob))).doesNotContain(jobId);
        assertThat(get("/rest/layers/" + layer + "/access", bob).statusCode()).isEqualTo(404);
        assertThat(put("/rest/layers/" + layer + "/access", "application/json", "{\"public\":true}".getBytes(StandardCharsets.UTF_8), bob)
                .statusCode()).isEqualTo(404);
        assertThat(get("/rest/layers/" + layer, bob).statusCode()).isEqualTo(403); // REST configuration is for operators
        assertThat(get("/rest/layers/" + layer, operator).statusCode()).isEqualTo(200);
        assertThat(text(get("/rest/layers/" + layer + "/access", alice))).contains("\"owner\":\"alice\"").contains("\"public\":false");
    }

    @Test
    void layerMadePublicByItsOwnerIsSeenByEveryone() {
        String mask = "results:ChangeDetection_" + jobId + "_mask";
        byte[] open = "{\"public\":true}".getBytes(StandardCharsets.UTF_8);
        assertThat(put("/rest/layers/" + mask + "/access", "application/json", open, bob).statusCode()).isEqualTo(404);
        assertThat(put("/rest/layers/" + mask + "/access", "application/json", open, alice).statusCode()).isEqualTo(200);
        try {
            assertThat(get(GETMAP + mask, bob).headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(get(GETMAP + mask, null).headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(text(get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", null))).contains(mask);
            // public for viewing does not hand Bob the right to change it
            assertThat(put("/rest/layers/" + mask + "/access", "application/json",
                    "{\"public\":false}".getBytes(StandardCharsets.UTF_8), bob).statusCode()).isEqualTo(403);
        } finally {
            assertThat(put("/rest/layers/" + mask + "/access", "application/json",
                    "{\"public\":false}".getBytes(StandardCharsets.UTF_8), operator).statusCode()).isEqualTo(200);
        }
        assertThat(text(get(GETMAP + mask + "&EXCEPTIONS=application/vnd.ogc.se_xml", bob))).contains("LayerNotDefined");
    }

    @Test
    void anotherUsersOutputCannotBeChainedByReference() {
        String body = new String(requestBody("wps10/execute-change-async.xml"), StandardCharsets.UTF_8)
                .replace(base() + "/eodata/samples/bordeaux_2017-04-19.tif", base() + "/wps/jobs/" + jobId + "/outputs/probability");
        HttpResponse<byte[]> r = post("/wps", body.getBytes(StandardCharsets.UTF_8), bob);
        assertThat(r.statusCode()).isBetween(400, 404);
        assertThat(text(r)).contains("ExceptionReport").contains("before");
    }

    private static String status(String id) {
        return "/wps/jobs/" + id;
    }

    /** Same status and same body once the name or id asked for is taken out: nothing tells the two apart. */
    private static void assertSameRefusal(HttpResponse<byte[]> hidden, HttpResponse<byte[]> unknown, String hiddenName) {
        assertThat(hidden.statusCode()).isEqualTo(unknown.statusCode());
        assertThat(text(hidden)).contains(hiddenName.substring(hiddenName.indexOf(':') + 1));
        assertThat(normalized(text(hidden))).isEqualTo(normalized(text(unknown)));
    }

    /** Job ids (and so the layer names made of them) replaced by a placeholder. */
    private static String normalized(String body) {
        return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
    }
}
