/**
 * The job directory contract between the server (which writes {@code inputs.json} and reads the
 * rest) and the process runner (which reads {@code inputs.json} and writes the rest), whatever runs
 * the job: the local launcher in-process, or a container in a Kubernetes Job.
 *
 * <pre>
 * &lt;job-dir&gt;/inputs.json   {@link eu.candela.wps.jobdir.JobInputs}: process id and resolved input values
 * &lt;job-dir&gt;/status.json   {@link eu.candela.wps.jobdir.JobStatus}: progress and message, rewritten as work advances
 * &lt;job-dir&gt;/outputs/      the output files
 * &lt;job-dir&gt;/result.json   {@link eu.candela.wps.jobdir.JobResult}: the outputs, written once on success
 * &lt;job-dir&gt;/job.log       the process log, plain text, for users
 * </pre>
 *
 * <p>Every JSON file is written whole to a temporary file and then moved into place, so a reader
 * sees the previous version or the next one, never half a file. {@code status.json} and
 * {@code result.json} may be absent (the job has not started, or has not succeeded); the readers
 * return an empty {@link java.util.Optional} then. Paths inside the files are relative to the job
 * directory (with '/' separators), or {@code eodata:<path>} in the EO archive ({@link eu.candela.wps.jobdir.EoArchive}),
 * so that a job directory means the same wherever it is mounted; absolute paths are still read (job
 * directories written before) but the server no longer writes them.
 */
package eu.candela.wps.jobdir;
