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
 */
package eu.candela.wps.spi;
