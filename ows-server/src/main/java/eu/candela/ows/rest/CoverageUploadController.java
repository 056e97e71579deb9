package eu.candela.ows.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.candela.ows.catalog.CatalogException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/** {@code PUT /rest/workspaces/{ws}/coveragestores/{cs}/file.geotiff}: GeoServer's GeoTIFF upload. */
@RestController
class CoverageUploadController {
    private static final Set<String> TIFF_TYPES = Set.of("image/tiff", "image/geotiff", "application/octet-stream");

    private final CoverageUploadService uploads;
    private final RestContext context;

    CoverageUploadController(CoverageUploadService uploads, RestContext context) {
        this.uploads = uploads;
        this.context = context;
    }

    /**
     * @param configure {@code first} (default) or {@code all}: publish a layer named after the store when it has none;
     *                  {@code none}: only the store
     * @param style     the default style of that layer
     */
    @PutMapping(value = "/rest/workspaces/{ws}/coveragestores/{cs}/file.geotiff", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> upload(@PathVariable String ws, @PathVariable String cs,
                                      @RequestParam(defaultValue = "first") String configure,
                                      @RequestParam(defaultValue = "raster") String style,
                                      HttpServletRequest request) throws CatalogException, IOException {
        checkContentType(request.getContentType());
        if (!Set.of("first", "all", "none").contains(configure)) {
            throw RestException.badRequest("configure must be first, all or none, got " + configure);
        }
        CoverageUploadService.Outcome outcome;
        try (InputStream body = request.getInputStream()) {
            outcome = uploads.upload(ws, cs, body, request.getContentLengthLong(), !configure.equals("none"), style);
        }
        RestLinks links = context.links();
        ObjectNode document = RestDocuments.store(outcome.store(), context.storeUrls().of(outcome.store().file()), links);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(document);
    }

    private static void checkContentType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!TIFF_TYPES.contains(type)) {
            throw new RestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "a GeoTIFF upload needs Content-Type image/tiff, got " + (type.isEmpty() ? "none" : type));
        }
    }
}
