package eu.candela.ows.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.StyleInfo;
import eu.candela.ows.style.SldReader;
import eu.candela.ows.style.StyleFormatException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import static eu.candela.ows.catalog.CatalogException.Reason.CONFLICT;
import static eu.candela.ows.catalog.CatalogException.Reason.INVALID;

/** {@code /rest/styles}: SLD 1.0 styles, uploaded and downloaded as {@code application/vnd.ogc.sld+xml}. */
@RestController
class StyleController {
    static final String SLD = "application/vnd.ogc.sld+xml";
    private static final Set<String> SLD_TYPES = Set.of(SLD, "application/xml", "text/xml");

    private final CatalogEditor catalog;
    private final RestContext context;

    StyleController(CatalogEditor catalog, RestContext context) {
        this.catalog = catalog;
        this.context = context;
    }

    @GetMapping(value = {"/rest/styles", "/rest/styles.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode list() {
        RestLinks links = context.links();
        return RestDocuments.list("styles", "style", catalog.styles(), StyleInfo::name, s -> links.style(s.name()));
    }

    /** A new style; without {@code name}, named after the SLD's UserStyle (as GeoServer does). */
    @PostMapping(value = {"/rest/styles", "/rest/styles.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> create(@RequestParam(required = false) String name, @RequestBody byte[] sld,
                                      @RequestHeader(value = "Content-Type", required = false) String contentType) throws CatalogException {
        checkSldType(contentType);
        String styleName = name != null ? name : nameInside(sld);
        if (catalog.style(styleName).isPresent()) throw new CatalogException(CONFLICT, "style " + styleName + " exists already; PUT replaces it");
        StyleInfo style = catalog.putStyle(styleName, sld);
        return ResponseEntity.created(URI.create(context.links().style(style.name()))).body(RestDocuments.style(style));
    }

    @GetMapping(value = {"/rest/styles/{style}", "/rest/styles/{style}.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode describe(@PathVariable String style) throws CatalogException {
        return RestDocuments.style(RestLookups.style(catalog, style));
    }

    @GetMapping(value = "/rest/styles/{style}.sld", produces = SLD)
    byte[] sld(@PathVariable String style) throws CatalogException {
        RestLookups.style(catalog, style);
        return catalog.styleSld(style).orElseThrow(() -> new CatalogException(CatalogException.Reason.NOT_FOUND, "style " + style + " does not exist"));
    }

    @PutMapping(value = {"/rest/styles/{style}", "/rest/styles/{style}.sld"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode replace(@PathVariable String style, @RequestBody byte[] sld,
                       @RequestHeader(value = "Content-Type", required = false) String contentType) throws CatalogException {
        checkSldType(contentType);
        RestLookups.style(catalog, style);
        return RestDocuments.style(catalog.putStyle(style, sld));
    }

    @DeleteMapping({"/rest/styles/{style}", "/rest/styles/{style}.json"})
    ResponseEntity<Void> delete(@PathVariable String style) throws CatalogException {
        catalog.removeStyle(style);
        return ResponseEntity.ok().build();
    }

    /** SLD 1.0 under its registered type; plain XML types are accepted too, as curl users send them. */
    private static void checkSldType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!SLD_TYPES.contains(type)) {
            throw new RestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a style is an SLD 1.0 document: Content-Type " + SLD
                    + ", got " + (type.isEmpty() ? "none" : type));
        }
    }

    private static String nameInside(byte[] sld) throws CatalogException {
        try {
            String name = SldReader.read(sld).name();
            if (name.isBlank()) throw new CatalogException(INVALID, "the SLD names no style: give ?name=");
            return name;
        } catch (StyleFormatException e) {
            throw new CatalogException(INVALID, "the SLD cannot be read: " + e.getMessage(), e);
        }
    }
}
