package eu.candela.wps.optical;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.wps.cli.InProcessSteps;
import eu.candela.wps.cli.ProcessRunner;
import eu.candela.wps.jobdir.FileValue;
import eu.candela.wps.jobdir.InputValue;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.jobdir.LiteralValue;
import eu.candela.wps.samples.CloudyPair;
import eu.candela.wps.samples.CloudyPairGenerator;
import eu.candela.wps.samples.SamplePairGenerator;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.ProcessRegistry;
import eu.candela.wps.workflow.WorkflowLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain on converted scenes (the generated cloudy Level-2A-like pair), run from a job directory
 * by the in-process workflow runtime: each step a job directory under {@code steps/}.
 */
class OpticalChainInProcessTest {

    static final int SIZE = 512;

    @TempDir
    static Path root;
    static CloudyPair pair;
    static JobDirectory job;
    static int exit;

    @BeforeAll
    static void runChain() throws Exception {
        pair = CloudyPairGenerator.generate(root.resolve("pair"), SIZE, 20170419L, true);
        job = new JobDirectory(root.resolve("job")).create();
        Map<String, List<InputValue>> inputs = new LinkedHashMap<>();
        inputs.put("beforeImage", List.of(new FileValue(pair.before().toString(), MediaTypes.COG)));
        inputs.put("afterImage", List.of(new FileValue(pair.after().toString(), MediaTypes.COG)));
        inputs.put("size", List.of(new LiteralValue("256")));
        inputs.put("overlap", List.of(new LiteralValue("64")));
        inputs.put("concurrency", List.of(new LiteralValue("2")));
        job.writeInputs(new JobInputs("OpticalChangeDetectionChain", inputs));
        ProcessRegistry registry = ProcessRegistry.discover();
        exit = new ProcessRunner(registry, s -> { }, new InProcessSteps(registry, WorkflowLimits.of(2)))
                .run("OpticalChangeDetectionChain", job.root(), () -> false);
    }

    @Test
    void succeedsWithOneDetectionPerSubImagePair() throws Exception {
        assertThat(exit).isEqualTo(ProcessRunner.SUCCEEDED);
        JobResult result = job.readResult().orElseThrow();
        assertThat(result.output("subImagePairs").orElseThrow().literal()).isEqualTo("9");
        try (var steps = Files.list(job.root().resolve("steps"))) {
            assertThat(steps.filter(p -> p.getFileName().toString().startsWith("detect-")).count()).isEqualTo(9);
        }
    }

    @Test
    void findsTheKnownChangesAndMasksTheClouds() throws Exception {
        Path mask = job.root().resolve(job.readResult().orElseThrow().output("mask").orElseThrow().path());
        long tp = 0, fp = 0, fn = 0, cloudNotMasked = 0;
        int q = CloudyPairGenerator.BANDS.size();
        try (GeoTiffReader m = GeoTiffReader.open(mask); GeoTiffReader t = GeoTiffReader.open(pair.truth());
             GeoTiffReader a = GeoTiffReader.open(pair.after()); GeoTiffReader b = GeoTiffReader.open(pair.before())) {
            for (BlockGrid.Window w : BlockGrid.of(SIZE, SIZE, 256)) {
                RasterBlock mb = m.read(w.x(), w.y(), w.width(), w.height());
                RasterBlock tb = t.read(w.x(), w.y(), w.width(), w.height());
                RasterBlock ab = a.read(w.x(), w.y(), w.width(), w.height());
                RasterBlock bb = b.read(w.x(), w.y(), w.width(), w.height());
                for (int i = 0; i < mb.band(0).length; i++) {
                    float p = mb.band(0)[i];
                    float truth = tb.band(0)[i];
                    float qa = ab.band(q)[i];
                    float qb = bb.band(q)[i];
                    if ((qa == 2 || qa == 3 || qb == 2 || qb == 3) && p != 255) cloudNotMasked++;
                    if (p == 255 || truth == SamplePairGenerator.TRUTH_NODATA) continue;
                    if (p == 1 && truth == 1) tp++;
                    else if (p == 1) fp++;
                    else if (truth == 1) fn++;
                }
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        double f1 = 2 * precision * recall / (precision + recall);
        System.out.printf("Chain in-process on cloudy 512x512 (256/64): precision=%.3f recall=%.3f F1=%.3f%n", precision, recall, f1);
        assertThat(f1).isGreaterThanOrEqualTo(0.93);
        assertThat(cloudNotMasked).isZero();
    }

    @Test
    void publishesTheMergedMapsWithChangeStylesAndAPreview() throws Exception {
        JobResult result = job.readResult().orElseThrow();
        assertThat(result.output("probability").orElseThrow().mimeType()).isEqualTo(MediaTypes.COG);
        assertThat(result.output("preview").orElseThrow().path()).endsWith(".png");
        assertThat(job.root().resolve(result.output("statistics").orElseThrow().path())).content().contains("\"change\"");
    }
}
