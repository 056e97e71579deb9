package eu.candela.wps.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessDefinitionsTest {

    enum Mode { FAST, ACCURATE }

    @EoProcess(id = "Sample", version = "2.1", title = "Sample process", description = "Exercises every declaration")
    static final class SampleProcess implements Algorithm<SampleProcess.In, SampleProcess.Out> {
        record In(@Param(title = "Scene", description = "The scene") RasterRef scene,
                  @Param(title = "Area") @OptionalParam GeoJson area,
                  @Param(title = "Extent") @Crs({"EPSG:4326", "EPSG:32630"}) @OptionalParam BoundingBox extent,
                  @Param(title = "Alpha") @DefaultValue("0.95") @Range(min = 0, max = 1) Double alpha,
                  @Param(title = "Buffer") @Uom("m") @Range(min = 0) int buffer,
                  @Param(title = "Mode") @DefaultValue("FAST") Mode mode,
                  @Param(title = "Tags") @MaxOccurs(5) @OptionalParam List<String> tags,
                  @Param(title = "Scenes") List<RasterRef> more,
                  @Param(title = "Verbose") @DefaultValue("false") boolean verbose) {
        }

        record Out(@Result(title = "Map", mediaType = {MediaTypes.COG, MediaTypes.GEOTIFF}) Path map,
                   @Result(title = "Count") @Uom("px") Integer count,
                   @Result(title = "Outline") GeoJson outline) {
        }

        @Override
        public Out run(In in, ProcessContext ctx) {
            return null;
        }
    }

    @EoProcess(id = "Product", version = "1", title = "Takes a SAFE product")
    static final class ProductProcess implements Algorithm<ProductProcess.In, ProductProcess.Out> {
        record In(@Param(title = "Product") ProductRef product) {
        }

        record Out(@Result(title = "Name") String name) {
        }

        @Override
        public Out run(In in, ProcessContext ctx) {
            return null;
        }
    }

    private final ProcessDescriptor descriptor = ProcessDefinitions.describe(SampleProcess.class);

    private InputDescriptor input(String id) {
        return descriptor.input(id).orElseThrow();
    }

    @Test
    void takesIdentityFromEoProcess() {
        assertThat(descriptor.id()).isEqualTo("Sample");
        assertThat(descriptor.version()).isEqualTo("2.1");
        assertThat(descriptor.title()).isEqualTo("Sample process");
        assertThat(descriptor.description()).isEqualTo("Exercises every declaration");
    }

    @Test
    void listsInputsInRecordOrder() {
        assertThat(descriptor.inputs()).extracting(InputDescriptor::id)
                .containsExactly("scene", "area", "extent", "alpha", "buffer", "mode", "tags", "more", "verbose");
    }

    @Test
    void derivesKindsFromComponentTypes() {
        assertThat(input("scene").kind()).isEqualTo(DataKind.COMPLEX);
        assertThat(input("area").kind()).isEqualTo(DataKind.COMPLEX);
        assertThat(input("extent").kind()).isEqualTo(DataKind.BOUNDING_BOX);
        assertThat(input("alpha").literalType()).isEqualTo(LiteralType.DOUBLE);
        assertThat(input("buffer").literalType()).isEqualTo(LiteralType.INTEGER);
        assertThat(input("verbose").literalType()).isEqualTo(LiteralType.BOOLEAN);
    }

    @Test
    void givesRastersGeoTiffAndCogFormatsByDefault() {
        assertThat(input("scene").formats()).containsExactly(Format.GEOTIFF, Format.COG);
        assertThat(input("area").formats()).containsExactly(Format.GEOJSON);
    }

    @Test
    void givesProductsTheSafeFormatAsComplexInputs() {
        InputDescriptor product = ProcessDefinitions.describe(ProductProcess.class).input("product").orElseThrow();

        assertThat(product.kind()).isEqualTo(DataKind.COMPLEX);
        assertThat(product.formats()).containsExactly(Format.SAFE);
        assertThat(MediaTypes.isProduct(product)).isTrue();
        assertThat(MediaTypes.isProduct(input("scene"))).isFalse();
    }

    @Test
    void takesDefaultRangeAndUnitFromTheirAnnotations() {
        assertThat(input("alpha").defaultValue()).isEqualTo("0.95");
        assertThat(input("alpha").minimum()).isEqualTo(0.0);
        assertThat(input("alpha").maximum()).isEqualTo(1.0);
        assertThat(input("buffer").uom()).isEqualTo("m");
        assertThat(input("buffer").maximum()).as("a bound left out is unbounded").isNull();
    }

    @Test
    void offersEnumConstantsAsAllowedValues() {
        assertThat(input("mode").literalType()).isEqualTo(LiteralType.STRING);
        assertThat(input("mode").allowedValues()).containsExactly("FAST", "ACCURATE");
    }

    @Test
    void makesInputsWithDefaultOrOptionalParamOptional() {
        assertThat(descriptor.inputs()).filteredOn(InputDescriptor::required).extracting(InputDescriptor::id)
                .containsExactly("scene", "buffer", "more");
    }

    @Test
    void takesMaxOccursForListsUnboundedWhenNotGiven() {
        assertThat(input("tags").maxOccurs()).isEqualTo(5);
        assertThat(input("more").maxOccurs()).isEqualTo(Integer.MAX_VALUE);
        assertThat(input("scene").maxOccurs()).isEqualTo(1);
    }

    @Test
    void listsSupportedCrsOfBoundingBoxes() {
        assertThat(input("extent").supportedCrs()).containsExactly("EPSG:4326", "EPSG:32630");
    }

    @EoProcess(id = "Tiles", version = "1", title = "Takes an area in a tile's CRS")
    static final class TileAreaProcess implements Algorithm<TileAreaProcess.In, TileAreaProcess.Out> {
        record In(@Param(title = "Area") @Crs(value = {"EPSG:4326", "EPSG:3857"}, wgs84UtmZones = true) BoundingBox area) {
        }

        record Out(@Result(title = "Name") String name) {
        }

        @Override
        public Out run(In in, ProcessContext ctx) {
            return null;
        }
    }

    @Test
    void utmZonesFollowTheListedCrs() {
        List<String> crs = ProcessDefinitions.describe(TileAreaProcess.class).input("area").orElseThrow().supportedCrs();
        assertThat(crs).hasSize(2 + 120).startsWith("EPSG:4326", "EPSG:3857")
                .contains("EPSG:32601", "EPSG:32631", "EPSG:32660", "EPSG:32701", "EPSG:32760")
                .doesNotContain("EPSG:32600", "EPSG:32661", "EPSG:32700", "EPSG:32761");
    }

    @Test
    void describesFileLiteralAndGeoJsonOutputs() {
        assertThat(descriptor.output("map").orElseThrow().formats()).containsExactly(Format.COG, Format.GEOTIFF);
        assertThat(descriptor.output("count").orElseThrow().literalType()).isEqualTo(LiteralType.INTEGER);
        assertThat(descriptor.output("count").orElseThrow().uom()).isEqualTo("px");
        assertThat(descriptor.output("outline").orElseThrow().formats()).containsExactly(Format.GEOJSON);
    }

    @Test
    void keepsTheRecordTypesForBinding() {
        ProcessDefinition definition = ProcessDefinitions.derive(SampleProcess.class);
        assertThat(definition.inputType()).isEqualTo(SampleProcess.In.class);
        assertThat(definition.outputType()).isEqualTo(SampleProcess.Out.class);
    }
}
