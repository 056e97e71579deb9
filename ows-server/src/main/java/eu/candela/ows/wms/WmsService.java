package eu.candela.ows.wms;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.render.MapRenderer;
import eu.candela.ows.render.UnsupportedCrsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The WMS 1.1.1 / 1.3.0 service: parses a request, hands it to the operation's handler and turns
 * every failure into a service exception. Client errors travel as {@link WmsException}s with their
 * code and locator; anything else is a server fault, logged once here and reported without detail.
 */
public final class WmsService {
    private static final Logger LOG = LoggerFactory.getLogger(WmsService.class);

    private final WmsRequestParser parser;
    private final LayerDescriber describer;
    private final CapabilitiesCache capabilities = new CapabilitiesCache();
    private final GetMapHandler getMap;
    private final GetFeatureInfoHandler getFeatureInfo;
    private final GetLegendGraphicHandler getLegendGraphic;
    private final ErrorResponder errors;
    private final int maxWidth;
    private final int maxHeight;
    private final Catalog catalog;

    public WmsService(Catalog catalog, MapRenderer renderer, int maxWidth, int maxHeight) {
        this.catalog = catalog;
        PublishedLayers layers = new PublishedLayers(catalog);
        this.parser = new WmsRequestParser(maxWidth, maxHeight);
        this.describer = new LayerDescriber(layers, renderer);
        this.getMap = new GetMapHandler(layers, renderer);
        this.getFeatureInfo = new GetFeatureInfoHandler(layers, renderer);
        this.getLegendGraphic = new GetLegendGraphicHandler(layers);
        this.errors = new ErrorResponder(maxWidth, maxHeight);
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
        catalog.addListener(capabilities);
    }

    /**
     * Answers one request.
     *
     * @param serviceUrl the public URL of the WMS endpoint, written into capabilities
     */
    public WmsResponse handle(WmsParameters parameters, String serviceUrl) {
        try {
            return answer(parser.parse(parameters), serviceUrl);
        } catch (WmsException e) {
            if (e.httpStatus() >= 500) LOG.error("WMS request failed: {}", e.getMessage(), e);
            return errors.respond(e, parameters);
        } catch (UnsupportedCrsException e) {
            WmsVersion version = WmsRequestParser.versionOf(parameters);
            return errors.respond(new WmsException(WmsExceptionCode.InvalidCRS, WmsCrs.crsParameter(version),
                    e.getMessage()), parameters);
        } catch (IOException | RuntimeException e) {
            LOG.error("WMS request failed", e);
            return errors.respond(new WmsException(WmsExceptionCode.NoApplicableCode, null,
                    "Internal server error; the server log has the details"), parameters);
        }
    }

    private WmsResponse answer(WmsRequest request, String serviceUrl) throws IOException {
        if (request instanceof WmsRequest.GetMap r) return getMap.handle(r);
        if (request instanceof WmsRequest.GetFeatureInfo r) return getFeatureInfo.handle(r);
        if (request instanceof WmsRequest.GetLegendGraphic r) return getLegendGraphic.handle(r);
        return capabilities(request.version(), serviceUrl);
    }

    private WmsResponse capabilities(WmsVersion version, String serviceUrl) {
        // keyed on the layers this caller sees too: a document listing private layers is never handed to another caller
        String audience = String.join(",", catalog.layers().stream().map(l -> l.qualifiedName()).toList());
        byte[] body = capabilities.get(version, serviceUrl + "\n" + audience, () -> {
            CapabilitiesDocument doc = new CapabilitiesDocument(serviceUrl, maxWidth, maxHeight, describer.describeAll(serviceUrl));
            return version == WmsVersion.V1_3_0 ? Capabilities130Encoder.encode(doc) : Capabilities111Encoder.encode(doc);
        });
        String contentType = version == WmsVersion.V1_3_0 ? "text/xml" : "application/vnd.ogc.wms_xml";
        return WmsResponse.ok(contentType, body, WmsResponse.NO_CACHING);
    }
}
