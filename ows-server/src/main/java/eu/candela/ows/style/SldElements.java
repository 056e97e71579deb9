package eu.candela.ows.style;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DOM navigation for SLD documents that takes an element from either the SLD 1.0 namespace or the
 * Symbology Encoding 1.1 namespace (SLD 1.1 moves the symbolizers there, with the same local
 * names for everything this reader understands), and the value parsing with error messages
 * that name the element and the value.
 */
final class SldElements {
    static final String SLD = "http://www.opengis.net/sld";
    static final String SE = "http://www.opengis.net/se";

    private SldElements() {}

    static boolean is(Element e, String localName) {
        return localName.equals(e.getLocalName()) && isStyleNamespace(e.getNamespaceURI());
    }

    static boolean isStyleNamespace(String ns) {
        return SLD.equals(ns) || SE.equals(ns);
    }

    static List<Element> children(Element parent, String... localNames) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                for (String name : localNames) {
                    if (is(e, name)) {
                        result.add(e);
                        break;
                    }
                }
            }
        }
        return result;
    }

    static Optional<Element> child(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    static Optional<String> childText(Element parent, String localName) {
        return child(parent, localName).map(SldElements::text).filter(s -> !s.isEmpty());
    }

    static String text(Element e) {
        return e.getTextContent().trim();
    }

    /** A finite number; {@code what} names the element or attribute for the message. */
    static double number(String what, String value) throws StyleFormatException {
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StyleFormatException(what + " must be a number, got \"" + value + "\"");
    }

    /** A colour written {@code #RRGGBB}, as 0xRRGGBB. */
    static int color(String what, String value) throws StyleFormatException {
        String v = value.trim();
        if (v.length() == 7 && v.charAt(0) == '#') {
            try {
                return Integer.parseInt(v.substring(1), 16);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new StyleFormatException(what + " must be a colour written #RRGGBB, got \"" + value + "\"");
    }
}
