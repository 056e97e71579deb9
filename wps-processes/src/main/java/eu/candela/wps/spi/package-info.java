/**
 * The process SPI: how an algorithm declares itself so that every protocol front (WPS 1.0, WPS 2.0,
 * OGC API - Processes) and every runtime (in-process, Kubernetes Job) can publish and run it.
 *
 * <p>A process is one class implementing {@link eu.candela.wps.spi.Algorithm} with an input record
 * and an output record, annotated {@link eu.candela.wps.spi.EoProcess}. Each input component
 * carries {@link eu.candela.wps.spi.Param}, plus one annotation per further fact that applies
 * ({@link eu.candela.wps.spi.DefaultValue}, {@link eu.candela.wps.spi.OptionalParam},
 * {@link eu.candela.wps.spi.Range}, {@link eu.candela.wps.spi.Uom}, {@link eu.candela.wps.spi.Formats},
 * {@link eu.candela.wps.spi.Crs}, {@link eu.candela.wps.spi.MaxOccurs}), so no annotation needs a
 * marker value for "not set". Each output component carries {@link eu.candela.wps.spi.Result}.
 *
 * <pre>
 * &#64;EoProcess(id = "Hello", version = "1.0", title = "Say hello")
 * public final class Hello implements Algorithm&lt;Hello.In, Hello.Out&gt; {
 *     public record In(&#64;Param(title = "Name") String name) {}
 *     public record Out(&#64;Result(title = "Response") String response) {}
 *     public Out run(In in, ProcessContext ctx) { return new Out("Hello " + in.name()); }
 * }
 * </pre>
 *
 * <p>Input types: {@code String}, enums (allowed values are the constant names), {@code Integer},
 * {@code Double}, {@code Boolean} and their primitives, {@link eu.candela.wps.spi.RasterRef},
 * {@link eu.candela.wps.spi.ProductRef} (a {@code *.SAFE} folder of the EO archive),
 * {@link eu.candela.wps.spi.GeoJson}, {@link eu.candela.wps.spi.BoundingBox}, and {@code List} of
 * these for inputs that may occur more than once. Output types: {@code java.nio.file.Path} (a file,
 * usually in {@link eu.candela.wps.spi.ProcessContext#outputDirectory()}), {@code GeoJson}, and the
 * literal types.
 *
 * <p>{@link eu.candela.wps.spi.ProcessDefinitions} derives the
 * {@link eu.candela.wps.spi.ProcessDescriptor} once and refuses an inconsistent declaration with
 * an {@link eu.candela.wps.spi.InvalidProcessDefinitionException} naming process and parameter.
 * {@link eu.candela.wps.spi.ProcessRegistry#discover()} finds the algorithms listed in
 * {@code META-INF/services/eu.candela.wps.spi.Algorithm}.
 *
 * <h2>Workflows</h2>
 *
 * <p>A process made of steps of other processes implements {@link eu.candela.wps.spi.Workflow}
 * instead of {@code Algorithm}; everything else (annotation, records, registration) is the same,
 * and clients cannot tell it from a plain process. Its {@code run} gets a
 * {@link eu.candela.wps.spi.WorkflowContext} that runs one {@link eu.candela.wps.spi.Step}
 * ({@code run}) or several at once under a concurrency limit ({@code fanOut}), maps the steps'
 * progress onto the workflow's, cancels running steps when the workflow is cancelled, and throws a
 * {@link eu.candela.wps.spi.StepFailedException} naming the step that failed. A step's
 * {@link eu.candela.wps.spi.StepOutputs} give its files as paths that later steps take as inputs.
 * In-process every step is a sub-directory of the workflow's job directory; on the server every
 * step is a job of its own through the configured launcher (a Kubernetes Job, say). Only the
 * workflow's own outputs are published.
 *
 * <pre>
 * &#64;EoProcess(id = "HalvesChangeDetection", version = "1.0", title = "Change detection by halves")
 * public final class HalvesChangeDetection implements Workflow&lt;HalvesChangeDetection.In, HalvesChangeDetection.Out&gt; {
 *     public record In(&#64;Param(title = "Before") RasterRef before, &#64;Param(title = "After") RasterRef after) {}
 *     public record Out(&#64;Result(title = "Changed pixels") Integer changedPixels) {}
 *
 *     public Out run(In in, WorkflowContext ctx) {
 *         List&lt;Step&gt; halves = List.of(
 *                 Step.of("top", ChangeDetection.class, new ChangeDetection.In(in.before(), in.after(), ...)),
 *                 Step.of("bottom", ChangeDetection.class, new ChangeDetection.In(...)));
 *         List&lt;StepOutputs&gt; done = ctx.fanOut(halves, 2, 100);   // both at once, if the platform allows
 *         int changed = 0;
 *         for (StepOutputs o : done) {
 *             changed += o.as(ChangeDetection.Out.class).changedPixels();   // or o.file("mask") for the next step
 *         }
 *         return new Out(changed);
 *     }
 * }
 * </pre>
 */
package eu.candela.wps.spi;
