package eu.candela.wps.hello;

import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.Result;

/**
 * The smallest process: a greeting. It measures the platform's own round trip (request, job,
 * launcher, result) with no algorithm time in it, and mirrors pywps' {@code say_hello} so the two
 * can be benchmarked alike.
 */
@EoProcess(id = "Hello", version = "1.0", title = "Say hello",
        description = "Returns 'Hello ' followed by the given name; for round-trip checks and benchmarks.")
public final class Hello implements Algorithm<Hello.In, Hello.Out> {

    public record In(@Param(title = "Name", description = "Who to greet") String name) {
    }

    public record Out(@Result(title = "Response", description = "The greeting") String response) {
    }

    @Override
    public Out run(In in, ProcessContext ctx) {
        return new Out("Hello " + in.name());
    }
}
