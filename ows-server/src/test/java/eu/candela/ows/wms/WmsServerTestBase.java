package eu.candela.ows.wms;

import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A server with {@link WmsTestLayer} published, and what the WMS tests need to read its answers. */
abstract class WmsServerTestBase extends ServerTestBase {

    @Autowired
    protected CatalogEditor catalog;

    @BeforeEach
    void publishTestLayer() {
        WmsTestLayer.publish(catalog, dataDir());
    }

    protected HttpResponse<byte[]> wms(String query) {
        return get("/wms?" + query);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static BufferedImage image(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(() -> text(r)).isEqualTo(200);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
            assertThat(image).as("decodable image").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Namespace-aware DOM that ignores (never fetches) a DOCTYPE's DTD, as clients without network do. */
    static Document dom(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    /** XPath on local names only, so one expression reads both versions: {@code //*[local-name()='Layer']}. */
    static String xpath(Document doc, String expression) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(expression, doc, XPathConstants.STRING);
        } catch (Exception e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    /** Asserts a 400 ServiceExceptionReport of {@code version} with {@code code} and {@code locator}. */
    static void assertServiceException(HttpResponse<byte[]> r, WmsVersion version, String code, String locator) {
        assertThat(r.statusCode()).as(() -> text(r)).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo(ServiceExceptionCodec.contentType(version));
        if (version == WmsVersion.V1_3_0) OgcSchemas.assertValid(OgcSchemas.wms130(), r.body());
        Document doc = dom(r.body());
        assertThat(xpath(doc, "/*[local-name()='ServiceExceptionReport']/@version")).isEqualTo(version.text());
        assertThat(xpath(doc, "//*[local-name()='ServiceException']/@code")).as(() -> text(r)).isEqualTo(code);
        assertThat(xpath(doc, "//*[local-name()='ServiceException']/@locator")).as(() -> text(r)).isEqualTo(locator);
    }
}
