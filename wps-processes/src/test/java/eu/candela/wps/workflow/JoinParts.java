package eu.candela.wps.workflow;

import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.Formats;
import eu.candela.wps.spi.MaxOccurs;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.spi.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Joins the text files it is given, one per line: shows earlier steps' files arriving as inputs. */
@EoProcess(id = "test.JoinParts", version = "1.0", title = "Join parts")
public final class JoinParts implements Algorithm<JoinParts.In, JoinParts.Out> {

    public record In(@Param(title = "Parts") @Formats(MediaTypes.TEXT) @MaxOccurs(1000) List<RasterRef> parts) {
    }

    public record Out(@Result(title = "Joined", mediaType = MediaTypes.TEXT) Path joined,
                      @Result(title = "Count") Integer count) {
    }

    @Override
    public Out run(In in, ProcessContext ctx) throws Exception {
        List<String> lines = new ArrayList<>();
        for (RasterRef part : in.parts()) {
            lines.add(Files.readString(part.path()));
        }
        return new Out(Files.write(ctx.outputDirectory().resolve("joined.txt"), lines), lines.size());
    }
}
