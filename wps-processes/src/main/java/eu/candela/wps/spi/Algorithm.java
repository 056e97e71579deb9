package eu.candela.wps.spi;

/**
 * One process: plain Java that turns an input record into an output record. The record types carry
 * the annotations ({@link Param}, {@link Result} ...) from which the descriptor is derived, so an
 * implementation states its contract once, in its own signature.
 *
 * <p>Implementations are discovered through {@code META-INF/services/eu.candela.wps.spi.Algorithm}
 * and need a public no-argument constructor. They must be stateless: one instance may run several
 * jobs at once.
 *
 * @param <I> the input record; its components are the process inputs
 * @param <O> the output record; its components are the process outputs
 */
public interface Algorithm<I extends Record, O extends Record> {

    /**
     * Runs the process. Inputs are already converted, checked against their declared types, ranges
     * and allowed values, and defaulted; optional inputs without default are {@code null} (or an
     * empty list).
     *
     * @throws InvalidInputException     when an input is unusable in a way only the algorithm can see
     *                                   (two rasters on different grids, for example)
     * @throws ProcessCancelledException when {@link ProcessContext#checkCancelled()} found the job cancelled
     * @throws Exception                 any other failure; the job fails with the exception's message
     */
    O run(I in, ProcessContext ctx) throws Exception;
}
