package eu.candela.wps.workflow;

import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.DefaultValue;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProcessCancelledException;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.Result;
import java.nio.file.Files;
import java.nio.file.Path;

/** A step that reports 50 %, waits at the {@link Gates} and then writes its name to a file; or fails at once. */
@EoProcess(id = "test.Gate", version = "1.0", title = "Test gate")
public final class GateStep implements Algorithm<GateStep.In, GateStep.Out> {

    public record In(@Param(title = "Name") String name,
                     @Param(title = "Fail") @DefaultValue("false") Boolean fail) {
    }

    public record Out(@Result(title = "Part", mediaType = MediaTypes.TEXT) Path part,
                      @Result(title = "Name") String name) {
    }

    @Override
    public Out run(In in, ProcessContext ctx) throws Exception {
        Gates.enter();
        try {
            if (in.fail()) {
                throw new IllegalStateException("gate " + in.name() + " failed on purpose");
            }
            ctx.progress(50, "waiting at the gate");
            if (!Gates.pass(ctx)) {
                throw new ProcessCancelledException();
            }
            return new Out(Files.writeString(ctx.outputDirectory().resolve("part.txt"), in.name()), in.name());
        } finally {
            Gates.leave();
        }
    }
}
