/** The smallest process, {@link eu.candela.wps.hello.Hello}, for round-trip checks and benchmarks. */
package eu.candela.wps.hello;
