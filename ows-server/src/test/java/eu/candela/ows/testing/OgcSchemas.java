package eu.candela.ows.testing;

import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Validates documents against the official OGC schemas shipped in the org.jvnet.ogc schema jars. */
public final class OgcSchemas {
    private static Schema wps10;
    private static Schema wms130;

    private OgcSchemas() {}

    /** WPS 1.0.0 (all operations) and OWS 1.1 exception reports. */
    public static synchronized Schema wps10() {
        if (wps10 == null) {
            wps10 = load("wps/1.0.0/wpsAll.xsd", "ows/1.1.0/owsExceptionReport.xsd");
        }
        return wps10;
    }

    /** WMS 1.3.0 capabilities and the OGC service exception reports of WMS 1.3.0. */
    public static synchronized Schema wms130() {
        if (wms130 == null) {
            wms130 = load("wms/1.3.0/capabilities_1_3_0.xsd", "wms/1.3.0/exceptions_1_3_0.xsd");
        }
        return wms130;
    }

    /** Fails with the validator's message (and the start of the document) when {@code xml} is not valid. */
    public static void assertValid(Schema schema, byte[] xml) {
        try {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            String doc = new String(xml, StandardCharsets.UTF_8);
            throw new AssertionError("not schema-valid: " + e.getMessage() + "\n" + doc.substring(0, Math.min(3000, doc.length())), e);
        }
    }

    private static Schema load(String... resources) {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            StreamSource[] sources = new StreamSource[resources.length];
            for (int i = 0; i < resources.length; i++) {
                URL url = OgcSchemas.class.getClassLoader().getResource(resources[i]);
                if (url == null) throw new IllegalStateException("schema " + resources[i] + " is not on the test classpath");
                sources[i] = new StreamSource(url.toExternalForm());
            }
            return f.newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load OGC schemas", e);
        }
    }
}
