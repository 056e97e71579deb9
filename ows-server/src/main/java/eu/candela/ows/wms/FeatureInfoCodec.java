package eu.candela.ows.wms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import eu.candela.ows.render.PixelValues;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Writes GetFeatureInfo answers for coverages: per queried layer the band values under the
 * pixel, or nothing when the pixel is outside the coverage. The three formats follow GeoServer's
 * shapes for rasters, so clients written for it read them.
 */
final class FeatureInfoCodec {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String RULE = "--------------------------------------------\n";

    /** @param layer  {@code workspace:name}
     *  @param values the samples, empty outside the coverage */
    record LayerValues(String layer, Optional<PixelValues> values) {}

    private FeatureInfoCodec() {}

    static byte[] encode(List<LayerValues> results, InfoFormat format) {
        return switch (format) {
            case TEXT -> text(results).getBytes(StandardCharsets.UTF_8);
            case HTML -> html(results).getBytes(StandardCharsets.UTF_8);
            case JSON -> json(results);
        };
    }

    /** The Content-Type of {@code format}, with the charset of the text ones. */
    static String contentType(InfoFormat format) {
        return format == InfoFormat.JSON ? format.mimeType() : format.mimeType() + ";charset=UTF-8";
    }

    private static String text(List<LayerValues> results) {
        StringBuilder b = new StringBuilder();
        for (LayerValues r : results) {
            if (r.values().isEmpty()) continue;
            b.append("Results for FeatureType '").append(r.layer()).append("':\n").append(RULE);
            for (PixelValues.BandValue band : r.values().get().bands()) {
                b.append(band.name()).append(" = ").append(band.nodata() ? "nodata" : number(band.value())).append('\n');
            }
            b.append(RULE);
        }
        if (b.isEmpty()) b.append("no features were found\n");
        return b.toString();
    }

    private static String html(List<LayerValues> results) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>GetFeatureInfo</title></head><body>\n");
        for (LayerValues r : results) {
            if (r.values().isEmpty()) continue;
            List<PixelValues.BandValue> bands = r.values().get().bands();
            b.append("<table class=\"featureInfo\">\n<caption class=\"featureInfo\">").append(HtmlUtils.htmlEscape(r.layer()))
                    .append("</caption>\n<tr>");
            for (PixelValues.BandValue band : bands) b.append("<th>").append(HtmlUtils.htmlEscape(band.name())).append("</th>");
            b.append("</tr>\n<tr>");
            for (PixelValues.BandValue band : bands) b.append("<td>").append(band.nodata() ? "" : number(band.value())).append("</td>");
            b.append("</tr>\n</table>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static byte[] json(List<LayerValues> results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            int count = 0;
            for (LayerValues r : results) {
                if (r.values().isEmpty()) continue;
                PixelValues v = r.values().get();
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", r.layer() + "." + v.column() + "." + v.row());
                g.writeNullField("geometry");
                g.writeObjectFieldStart("properties");
                for (PixelValues.BandValue band : v.bands()) {
                    if (band.nodata()) {
                        g.writeNullField(band.name());
                    } else {
                        g.writeNumberField(band.name(), band.value());
                    }
                }
                g.writeEndObject();
                g.writeEndObject();
                count++;
            }
            g.writeEndArray();
            g.writeStringField("totalFeatures", "unknown");
            g.writeNumberField("numberReturned", count);
            g.writeNullField("crs");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
