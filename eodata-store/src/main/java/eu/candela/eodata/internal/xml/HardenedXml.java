package eu.candela.eodata.internal.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * The one place that configures the DOM parser for product metadata (Sentinel-1 and Sentinel-2 SAFE
 * files). Products are outside data and their metadata never need a DTD, so the factory refuses DTDs,
 * external entities and schemas and XInclude. Namespace-aware, because the readers match elements by
 * local name whatever the (version-dependent) namespace URI.
 */
public final class HardenedXml {
    private HardenedXml() {
    }

    /** A new namespace-aware factory with every external access and DTD feature turned off. */
    public static DocumentBuilderFactory newFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
