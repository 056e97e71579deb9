package eu.candela.eodata.sentinel2;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.RasterFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * What the granule metadata file ({@code GRANULE/<granule>/MTD_TL.xml}) says.
 *
 * @param granuleId   {@code TILE_ID}, for example {@code S2A_OPER_MSI_L2A_TL_ATOS_20221005T164454_A038058_T29UNU_N04.00}
 * @param tileId      the MGRS tile with its {@code T} prefix, for example {@code T29UNU}
 * @param sensingTime {@code SENSING_TIME} of the tile
 * @param epsg        EPSG code of {@code HORIZONTAL_CS_CODE}
 * @param grids       the pixel grid per resolution in metres (10, 20, 60), from {@code Size} and {@code Geoposition}
 * @param masks       the {@code MASK_FILENAME} entries
 */
public record TileMetadata(String granuleId, String tileId, Instant sensingTime, int epsg,
                           Map<Integer, GridGeometry> grids, List<MaskFile> masks) {
    private static final Pattern TILE = Pattern.compile("_(T\\d{2}[A-Z]{3})_");
    private static final Pattern EPSG = Pattern.compile("EPSG:(\\d+)");

    public TileMetadata {
        Objects.requireNonNull(tileId, "tileId");
        grids = Map.copyOf(grids);
        masks = List.copyOf(masks);
    }

    /** @throws IllegalArgumentException when the metadata give no grid at {@code resolution} metres */
    public GridGeometry grid(int resolution) {
        GridGeometry grid = grids.get(resolution);
        if (grid == null) {
            throw new IllegalArgumentException("the tile has no " + resolution + " m grid; it has " + new TreeMap<>(grids).keySet());
        }
        return grid;
    }

    /** The first whole-tile mask of {@code type}, such as {@code MSK_CLASSI} or {@code MSK_CLOUDS}. */
    public Optional<MaskFile> mask(String type) {
        return masks.stream().filter(m -> m.type().equals(type) && m.band() == null).findFirst();
    }

    /** Reads and checks a tile metadata file. */
    public static TileMetadata read(Path file) throws IOException {
        Sentinel2Xml xml = Sentinel2Xml.parse(file);
        String granuleId = xml.text("TILE_ID");
        Matcher tile = TILE.matcher(granuleId + "_");
        if (!tile.find()) {
            throw new RasterFormatException(file.getFileName() + ": TILE_ID '" + granuleId + "' names no MGRS tile (_Tnnxxx_)");
        }
        String cs = xml.text("HORIZONTAL_CS_CODE");
        Matcher epsgCode = EPSG.matcher(cs);
        if (!epsgCode.matches()) {
            throw new RasterFormatException(file.getFileName() + ": HORIZONTAL_CS_CODE '" + cs + "' is not EPSG:<code>");
        }
        int epsg = Integer.parseInt(epsgCode.group(1));
        Map<Integer, int[]> sizes = new TreeMap<>();
        for (Element size : xml.elements("Size")) {
            int resolution = resolution(xml, size);
            sizes.put(resolution, new int[] {
                    (int) xml.number("NCOLS", xml.childText(size, "NCOLS")), (int) xml.number("NROWS", xml.childText(size, "NROWS"))});
        }
        Map<Integer, GridGeometry> grids = new TreeMap<>();
        for (Element position : xml.elements("Geoposition")) {
            int resolution = resolution(xml, position);
            int[] size = sizes.get(resolution);
            if (size == null) {
                throw new RasterFormatException(file.getFileName() + ": Geoposition at " + resolution + " m has no Size");
            }
            double ulx = xml.number("ULX", xml.childText(position, "ULX"));
            double uly = xml.number("ULY", xml.childText(position, "ULY"));
            double xdim = xml.number("XDIM", xml.childText(position, "XDIM"));
            double ydim = xml.number("YDIM", xml.childText(position, "YDIM"));
            if (!(xdim > 0) || !(ydim < 0)) {
                throw new RasterFormatException(file.getFileName() + ": Geoposition at " + resolution
                        + " m must have XDIM > 0 and YDIM < 0 (north up), has " + xdim + ", " + ydim);
            }
            grids.put(resolution, new GridGeometry(size[0], size[1], new double[] {ulx, xdim, 0, uly, 0, ydim}, epsg));
        }
        if (!grids.containsKey(10)) {
            throw new RasterFormatException(file.getFileName() + " gives no 10 m Tile_Geocoding");
        }
        List<MaskFile> masks = new ArrayList<>();
        for (Element mask : xml.elements("MASK_FILENAME")) {
            String bandId = mask.getAttribute("bandId");
            Sentinel2Band band = bandId.isBlank() ? null : Sentinel2Band.ofBandId(Integer.parseInt(bandId.trim()));
            masks.add(new MaskFile(mask.getAttribute("type"), band, mask.getTextContent().trim()));
        }
        return new TileMetadata(granuleId, tile.group(1), ProductMetadata.instant(xml, "SENSING_TIME"), epsg, grids, masks);
    }

    private static int resolution(Sentinel2Xml xml, Element element) throws RasterFormatException {
        return (int) xml.number("resolution", element.getAttribute("resolution"));
    }
}
