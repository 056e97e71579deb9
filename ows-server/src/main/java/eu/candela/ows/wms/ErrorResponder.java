package eu.candela.ows.wms;

import eu.candela.ows.render.MapImage;
import eu.candela.ows.render.OutputFormat;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a {@link WmsException} into the answer the request asked for: a ServiceExceptionReport in
 * the request's version, or for a GetMap with {@code EXCEPTIONS=INIMAGE} / {@code BLANK} a map image
 * (HTTP 200, so map clients display it). The image needs WIDTH, HEIGHT and FORMAT: when those are
 * themselves what is wrong, the report is sent instead.
 */
final class ErrorResponder {
    private final int maxWidth;
    private final int maxHeight;

    ErrorResponder(int maxWidth, int maxHeight) {
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
    }

    WmsResponse respond(WmsException e, WmsParameters p) {
        Optional<WmsResponse> image = asImage(e, p);
        if (image.isPresent()) return image.get();
        WmsVersion version = WmsRequestParser.versionOf(p);
        return new WmsResponse(e.httpStatus(), ServiceExceptionCodec.contentType(version),
                ServiceExceptionCodec.encode(e, version), WmsResponse.NO_CACHING);
    }

    private Optional<WmsResponse> asImage(WmsException e, WmsParameters p) {
        boolean getMap = p.get("REQUEST").map(r -> r.equalsIgnoreCase("GetMap") || r.equalsIgnoreCase("map")).orElse(false);
        Optional<ExceptionFormat> exceptions = p.get("EXCEPTIONS").flatMap(ExceptionFormat::of);
        if (!getMap || exceptions.isEmpty() || exceptions.get() == ExceptionFormat.XML) return Optional.empty();
        try {
            int width = p.integer("WIDTH", -1);
            int height = p.integer("HEIGHT", -1);
            if (width < 1 || height < 1 || width > maxWidth || height > maxHeight) return Optional.empty();
            Optional<OutputFormat> format = p.get("FORMAT").flatMap(OutputFormat::of);
            if (format.isEmpty()) return Optional.empty();
            boolean transparent = p.get("TRANSPARENT").map(t -> t.toUpperCase(Locale.ROOT).equals("TRUE")).orElse(false);
            int background = WmsRequestParser.background(p);
            MapImage image = exceptions.get() == ExceptionFormat.BLANK
                    ? ExceptionImage.blank(width, height, transparent, background)
                    : ExceptionImage.withMessage(width, height, transparent, background, e.getMessage());
            return Optional.of(WmsResponse.ok(format.get().mimeType(), GetMapHandler.encode(image, format.get(), background),
                    WmsResponse.NO_CACHING));
        } catch (IOException | RuntimeException unusable) {
            return Optional.empty();
        }
    }
}
