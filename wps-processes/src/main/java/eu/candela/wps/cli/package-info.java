/**
 * Running a process from a job directory: {@link eu.candela.wps.cli.ProcessRunner} (what the local
 * launcher calls in-process) and {@link eu.candela.wps.cli.ProcessCli} (what the processing image
 * runs, {@code java -jar candela-processes.jar run <process-id> <job-dir>}). Both bind inputs,
 * report progress, log and write results the same way; see {@link eu.candela.wps.jobdir} for the
 * files.
 */
package eu.candela.wps.cli;
