package eu.candela.wps.cli;

import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.BoundingBox;
import eu.candela.wps.spi.Crs;
import eu.candela.wps.spi.DefaultValue;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.GeoJson;
import eu.candela.wps.spi.MaxOccurs;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.OptionalParam;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.ProductRef;
import eu.candela.wps.spi.Range;
import eu.candela.wps.spi.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small processes, one per runner behaviour. */
final class TestAlgorithms {

    enum Mode { FAST, ACCURATE }

    private TestAlgorithms() {
    }

    /** Returns what it was given, so tests can see conversion and defaults. */
    @EoProcess(id = "Echo", version = "1", title = "Echo")
    static final class Echo implements Algorithm<Echo.In, Echo.Out> {
        record In(@Param(title = "Name") String name,
                  @Param(title = "Alpha") @DefaultValue("0.5") @Range(min = 0, max = 1) double alpha,
                  @Param(title = "Mode") @DefaultValue("FAST") Mode mode,
                  @Param(title = "Count") @OptionalParam Integer count,
                  @Param(title = "Tags") @MaxOccurs(3) @OptionalParam List<String> tags,
                  @Param(title = "Extent") @Crs({"EPSG:4326", "EPSG:32630"}) @OptionalParam BoundingBox extent,
                  @Param(title = "Area") @OptionalParam GeoJson area) {
        }

        record Out(@Result(title = "Name") String name,
                   @Result(title = "Alpha") Double alpha,
                   @Result(title = "Mode") String mode,
                   @Result(title = "Count") Integer count,
                   @Result(title = "Tags") String tags,
                   @Result(title = "Extent crs") String extentCrs,
                   @Result(title = "Area") GeoJson area,
                   @Result(title = "Report", mediaType = MediaTypes.TEXT) Path report) {
        }

        @Override
        public Out run(In in, ProcessContext ctx) throws Exception {
            ctx.progress(50, "echoing");
            ctx.log().info("echoing {}", in.name());
            Path report = Files.writeString(ctx.outputDirectory().resolve("report.txt"), "name=" + in.name());
            return new Out(in.name(), in.alpha(), in.mode().name(), in.count(), String.join(",", in.tags()),
                    in.extent() == null ? null : in.extent().crs(), in.area(), report);
        }
    }

    static final String FAILURE = "no Sentinel-2 scene covers the area of interest";

    @EoProcess(id = "Failing", version = "1", title = "Fails")
    static final class Failing implements Algorithm<Failing.In, Failing.Out> {
        record In() {
        }

        record Out(@Result(title = "Never") String never) {
        }

        @Override
        public Out run(In in, ProcessContext ctx) {
            ctx.progress(20, "searching scenes");
            throw new IllegalStateException(FAILURE);
        }
    }

    /** Works block after block until cancelled. */
    @EoProcess(id = "Blocks", version = "1", title = "Blocks")
    static final class Blocks implements Algorithm<Blocks.In, Blocks.Out> {
        record In() {
        }

        record Out(@Result(title = "Blocks done") Integer blocks) {
        }

        @Override
        public Out run(In in, ProcessContext ctx) {
            for (int block = 0; block < 1_000; block++) {
                ctx.checkCancelled();
                ctx.progress(block / 10, "block " + block);
            }
            return new Out(1_000);
        }
    }

    /** Names the product folder it was given, so tests can see how a ProductRef is bound. */
    @EoProcess(id = "ProductName", version = "1", title = "Product name")
    static final class ProductName implements Algorithm<ProductName.In, ProductName.Out> {
        record In(@Param(title = "Product") ProductRef product) {
        }

        record Out(@Result(title = "Folder") String folder) {
        }

        @Override
        public Out run(In in, ProcessContext ctx) {
            return new Out(in.product().directory().toString());
        }
    }

    static List<Algorithm<?, ?>> all() {
        return List.of(new Echo(), new Failing(), new Blocks(), new ProductName(), new eu.candela.wps.hello.Hello());
    }
}
