package eu.candela.wps.workflow;

import eu.candela.wps.spi.DefaultValue;
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
import java.util.Map;

/**
 * A test workflow: fans out {@code steps} {@link GateStep}s ({@code gate-1} ...) asking for
 * {@code concurrency} at once (progress up to 80), then joins their files in one {@link JoinParts} step.
 */
@EoProcess(id = "test.GateFanOut", version = "1.0", title = "Gates fanned out, then joined")
public final class GateFanOut implements Workflow<GateFanOut.In, GateFanOut.Out> {

    public record In(@Param(title = "Steps") Integer steps,
                     @Param(title = "Concurrency") Integer concurrency,
                     @Param(title = "Failing step") @OptionalParam String failing) {
    }

    public record Out(@Result(title = "Joined", mediaType = MediaTypes.TEXT) Path joined,
                      @Result(title = "Count") Integer count) {
    }

    @Override
    public Out run(In in, WorkflowContext ctx) throws Exception {
        List<Step> gates = new ArrayList<>();
        for (int i = 1; i <= in.steps(); i++) {
            String name = "gate-" + i;
            gates.add(Step.of(name, GateStep.class, new GateStep.In(name, name.equals(in.failing()))));
        }
        List<StepOutputs> done = ctx.fanOut(gates, in.concurrency(), 80);
        List<Path> parts = done.stream().map(o -> o.file("part")).toList();
        JoinParts.Out joined = ctx.run(Step.of("join", "test.JoinParts", Map.of("parts", parts)), 100)
                .as(JoinParts.Out.class);
        // the workflow's own output lives in its own outputs folder, not in a step's
        Path result = Files.copy(joined.joined(), ctx.outputDirectory().resolve("joined.txt"));
        return new Out(result, joined.count());
    }
}
