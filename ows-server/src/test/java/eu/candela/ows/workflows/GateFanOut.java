package eu.candela.ows.workflows;

import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.OptionalParam;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.Result;
import eu.candela.wps.spi.Step;
import eu.candela.wps.spi.StepOutputs;
import eu.candela.wps.spi.Workflow;
import eu.candela.wps.spi.WorkflowContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test workflow: {@code steps} {@link GateStep}s ({@code gate-1} ...), {@code concurrency} asked at once; their names joined. */
@EoProcess(id = "test.GateFanOut", version = "1.0", title = "Gates fanned out")
public final class GateFanOut implements Workflow<GateFanOut.In, GateFanOut.Out> {

    public record In(@Param(title = "Steps") Integer steps,
                     @Param(title = "Concurrency") Integer concurrency,
                     @Param(title = "Failing step") @OptionalParam String failing) {
    }

    public record Out(@Result(title = "Names", mediaType = MediaTypes.TEXT) Path names,
                      @Result(title = "Count") Integer count) {
    }

    @Override
    public Out run(In in, WorkflowContext ctx) throws Exception {
        List<Step> gates = new ArrayList<>();
        for (int i = 1; i <= in.steps(); i++) {
            String name = "gate-" + i;
            gates.add(Step.of(name, GateStep.class, new GateStep.In(name, name.equals(in.failing()))));
        }
        List<String> names = new ArrayList<>();
        for (StepOutputs done : ctx.fanOut(gates, in.concurrency(), 100)) {
            names.add(Files.readString(done.file("part")));
        }
        return new Out(Files.write(ctx.outputDirectory().resolve("names.txt"), names), names.size());
    }
}
