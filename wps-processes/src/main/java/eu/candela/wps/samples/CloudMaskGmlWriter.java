package eu.candela.wps.samples;

import eu.candela.eodata.grid.GridGeometry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the vector cloud mask of Level-1C products before baseline 04.00 ({@code MSK_CLOUDS_B00.gml}):
 * one {@code eop:MaskFeature} of type OPAQUE per cloud, its outline a polygon in the tile's UTM
 * coordinates, as ESA's GML masks are laid out.
 */
final class CloudMaskGmlWriter {
    private static final int VERTICES = 48;

    private CloudMaskGmlWriter() {
    }

    static void write(Path file, SyntheticSentinel2Scene scene, int date, GridGeometry grid10) throws IOException {
        String srs = "urn:ogc:def:crs:EPSG::" + grid10.epsg();
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<eop:Mask xmlns:eop=\"http://www.opengis.net/eop/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\" gml:id=\"MSK_CLOUDS\">\n")
                .append("  <eop:maskMembers>\n");
        int id = 0;
        for (double[] cloud : scene.clouds(date)) {
            x.append("    <eop:MaskFeature gml:id=\"OPAQUE.").append(id).append("\">\n")
                    .append("      <eop:maskType codeSpace=\"urn:gs2:S2PDGS:maskType\">OPAQUE</eop:maskType>\n")
                    .append("      <eop:extentOf>\n        <gml:Polygon gml:id=\"OPAQUE.").append(id++).append(".Polygon\" srsName=\"")
                    .append(srs).append("\">\n          <gml:exterior>\n            <gml:LinearRing>\n")
                    .append("              <gml:posList srsDimension=\"2\">");
            for (int v = 0; v <= VERTICES; v++) {
                double angle = 2 * Math.PI * (v % VERTICES) / VERTICES;
                double[] map = grid10.pixelToMap(cloud[0] + cloud[2] * Math.cos(angle), cloud[1] + cloud[2] * Math.sin(angle));
                x.append(v == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f %.1f", map[0], map[1]));
            }
            x.append("</gml:posList>\n            </gml:LinearRing>\n          </gml:exterior>\n        </gml:Polygon>\n")
                    .append("      </eop:extentOf>\n    </eop:MaskFeature>\n");
        }
        x.append("  </eop:maskMembers>\n</eop:Mask>\n");
        Files.writeString(file, x, StandardCharsets.UTF_8);
    }
}
