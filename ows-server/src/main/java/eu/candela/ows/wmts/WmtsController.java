package eu.candela.ows.wmts;

import eu.candela.ows.config.CandelaProperties;
import eu.candela.ows.render.OutputFormat;
import eu.candela.ows.security.Callers;
import eu.candela.ows.wps10.ServiceUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Duration;

/**
 * HTTP bindings of the WMTS 1.0.0 service: KVP at {@code /wmts}, the RESTful capabilities and
 * tile URLs below {@code /wmts/1.0.0} and {@code /wmts/rest}.
 */
@RestController
public class WmtsController {
    /** Short: a changed layer gets new tiles (and ETags) at once, browsers revalidate soon. */
    private static final CacheControl TILE_CACHING = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    /** A tile fetched with a token may be of a private layer: browsers may keep it, shared caches not. */
    private static final CacheControl PRIVATE_TILE_CACHING = CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();

    private final TileService tiles;
    private final WmtsCapabilitiesService capabilities;
    private final CandelaProperties properties;

    public WmtsController(TileService tiles, WmtsCapabilitiesService capabilities, CandelaProperties properties) {
        this.tiles = tiles;
        this.capabilities = capabilities;
        this.properties = properties;
    }

    @GetMapping("/wmts")
    public ResponseEntity<byte[]> kvp(HttpServletRequest request,
                                      @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch)
            throws IOException {
        WmtsRequest parsed = WmtsKvpParser.parse(request.getQueryString());
        if (parsed instanceof WmtsRequest.GetTile t) return tile(t.tile(), ifNoneMatch);
        return capabilities();
    }

    @GetMapping("/wmts/1.0.0/WMTSCapabilities.xml")
    public ResponseEntity<byte[]> capabilities() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(capabilities.capabilities(urls()));
    }

    @GetMapping("/wmts/rest/{layer}/{style}/{tileMatrixSet}/{tileMatrix}/{row}/{col}.{extension}")
    public ResponseEntity<byte[]> rest(@PathVariable String layer, @PathVariable String style,
                                       @PathVariable String tileMatrixSet, @PathVariable String tileMatrix,
                                       @PathVariable String row, @PathVariable String col, @PathVariable String extension,
                                       @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch)
            throws IOException {
        OutputFormat format = WmtsKvpParser.format(extension, "FORMAT");
        GetTileRequest request = new GetTileRequest(layer, style, format, tileMatrixSet, tileMatrix,
                WmtsKvpParser.index(row, "TILEROW"), WmtsKvpParser.index(col, "TILECOL"));
        return tile(request, ifNoneMatch);
    }

    private ResponseEntity<byte[]> tile(GetTileRequest request, String ifNoneMatch) throws IOException {
        Tile tile = tiles.getTile(request);
        CacheControl caching = Callers.current().authenticated() ? PRIVATE_TILE_CACHING : TILE_CACHING;
        if (tile.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tile.etag()).cacheControl(caching).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(tile.format().mimeType()))
                .eTag(tile.etag())
                .cacheControl(caching)
                .header("X-Cache", tile.source() == Tile.Source.CACHE ? "HIT" : "MISS")
                .body(tile.body());
    }

    private ServiceUrls urls() {
        return ServiceUrls.forCurrentRequest(properties.publicUrl());
    }

}
