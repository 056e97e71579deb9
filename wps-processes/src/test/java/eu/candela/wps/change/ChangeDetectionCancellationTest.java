package eu.candela.wps.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.candela.wps.samples.SamplePair;
import eu.candela.wps.samples.SamplePairGenerator;
import eu.candela.wps.spi.ProcessCancelledException;
import eu.candela.wps.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeDetectionCancellationTest {

    @TempDir
    Path dir;

    @Test
    void stopsInTheFinalPassAndLeavesNoHalfWrittenOutputs() throws Exception {
        // Four 512-pixel tiles, so the final pass (50 % onwards) has tiles left after its first.
        SamplePair pair = SamplePairGenerator.generate(dir.resolve("samples"), 600, 3);
        RecordingContext ctx = RecordingContext.cancelledAtProgress(dir.resolve("job"), 50);

        assertThatThrownBy(() -> new ChangeDetection().run(Defaults.in(pair.before(), pair.after()), ctx))
                .isInstanceOf(ProcessCancelledException.class);

        try (Stream<Path> outputs = Files.list(ctx.outputDirectory())) {
            assertThat(outputs).isEmpty();
        }
    }
}
