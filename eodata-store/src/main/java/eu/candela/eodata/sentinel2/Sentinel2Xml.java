package eu.candela.eodata.sentinel2;

import eu.candela.eodata.internal.xml.HardenedXml;
import eu.candela.eodata.raster.RasterFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One parsed metadata file. Elements are found by local name whatever their namespace, since ESA
 * changes the PSD namespace URIs between versions. The parser refuses DTDs and external entities:
 * a product is outside data, and metadata never need them.
 */
final class Sentinel2Xml {
    private final Path file;
    private final Document document;

    private Sentinel2Xml(Path file, Document document) {
        this.file = file;
        this.document = document;
    }

    static Sentinel2Xml parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilder builder = HardenedXml.newFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return new Sentinel2Xml(file, builder.parse(in, file.toUri().toString()));
        } catch (SAXException e) {
            throw new RasterFormatException(file.getFileName() + " is not well-formed metadata XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    Path file() {
        return file;
    }

    /** Local name of the root element, for example {@code Level-2A_User_Product}. */
    String rootName() {
        return document.getDocumentElement().getLocalName();
    }

    List<Element> elements(String localName) {
        return elements(document.getDocumentElement(), localName);
    }

    static List<Element> elements(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        List<Element> list = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    Optional<String> optionalText(String localName) {
        List<Element> found = elements(localName);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getTextContent().trim());
    }

    String text(String localName) throws RasterFormatException {
        return optionalText(localName).orElseThrow(() -> missing(localName));
    }

    double number(String localName) throws RasterFormatException {
        return number(localName, text(localName));
    }

    double number(String what, String text) throws RasterFormatException {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new RasterFormatException(file.getFileName() + ": " + what + " '" + text + "' is not a number");
        }
    }

    /** The text of the child element {@code localName} of {@code parent}. */
    String childText(Element parent, String localName) throws RasterFormatException {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e.getTextContent().trim();
            }
        }
        throw new RasterFormatException(file.getFileName() + ": " + parent.getLocalName() + " has no " + localName);
    }

    RasterFormatException missing(String localName) {
        return new RasterFormatException(file.getFileName() + " has no " + localName + " element");
    }
}
