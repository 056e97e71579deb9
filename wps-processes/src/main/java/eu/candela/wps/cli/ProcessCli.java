package eu.candela.wps.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.candela.wps.jobdir.EoArchive;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.samples.SamplePair;
import eu.candela.wps.samples.SamplePairGenerator;
import eu.candela.wps.samples.Sentinel2ProductGenerator;
import eu.candela.eodata.sentinel2.ProcessingLevel;
import eu.candela.wps.spi.ProcessDescriptor;
import eu.candela.wps.spi.ProcessRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The processing entry point, {@code java -jar candela-processes.jar <command>}:
 * <pre>
 * run &lt;process-id&gt; &lt;job-dir&gt;   run a process on a job directory; exit 0 succeeded, 1 failed, 2 cancelled
 * list                          process ids and titles
 * describe &lt;process-id&gt;         the process descriptor as JSON
 * sample &lt;out-dir&gt; [size]       write the synthetic Bordeaux pair and its change truth (default 1024 px)
 * </pre>
 * {@code run} finds the EO archive that {@code eodata:} inputs name at {@code $CANDELA_EODATA} ({@code /eodata}
 * in a Kubernetes pod). A SIGTERM during {@code run} (Kubernetes deleting the pod, Ctrl-C) cancels the job, so status.json
 * still says how it ended.
 */
public final class ProcessCli {

    /** Exit code for a malformed command line (sysexits.h EX_USAGE), distinct from the job outcomes. */
    static final int USAGE = 64;
    static final long SAMPLE_SEED = 20170419L;
    private static final int DEFAULT_SAMPLE_SIZE = 1024;
    private static final int DEFAULT_SAMPLE_SIZE_S2 = 1200;
    private static final long SHUTDOWN_GRACE_SECONDS = 30;

    private final PrintStream out;
    private final PrintStream err;
    private final Optional<EoArchive> eoArchive;

    ProcessCli(PrintStream out, PrintStream err) {
        this(out, err, Map.of());
    }

    /** @param environment the process environment: {@value EoArchive#ROOT_VARIABLE} names the EO archive's root */
    ProcessCli(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.eoArchive = EoArchive.fromEnvironment(environment);
    }

    public static void main(String[] args) {
        System.exit(new ProcessCli(System.out, System.err, System.getenv()).execute(args));
    }

    int execute(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        try {
            return switch (command) {
                case "run" -> args.length == 3 ? run(args[1], Path.of(args[2])) : usage();
                case "list" -> args.length == 1 ? list() : usage();
                case "describe" -> args.length == 2 ? describe(args[1]) : usage();
                case "sample" -> args.length == 2 || args.length == 3 ? sample(args) : usage();
                case "sample-s2" -> args.length >= 2 && args.length <= 6 ? sampleSentinel2(args) : usage();
                default -> usage();
            };
        } catch (NumberFormatException e) {
            err.println("Not a number: " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            err.println(e.getMessage() == null ? e.toString() : e.getMessage());
            return ProcessRunner.FAILED;
        }
    }

    private int run(String processId, Path jobDir) {
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancelled.set(true);
            try {
                // Give the process time to stop at its next block and write its final status.
                finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ProcessRunner runner = new ProcessRunner(ProcessRegistry.discover(),
                    status -> err.printf(Locale.ROOT, "[%3d%%] %s%n", status.percentCompleted(), status.message()),
                    eoArchive);
            int exit = runner.run(processId, jobDir, cancelled::get);
            if (exit == ProcessRunner.FAILED && !Files.exists(new JobDirectory(jobDir).statusFile())) {
                // The runner could not even write a status: say so here, the only place left.
                err.println("Cannot use job directory " + jobDir.toAbsolutePath());
            }
            return exit;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running; it returns now that the job has finished.
            }
        }
    }

    private int list() {
        for (ProcessDescriptor d : ProcessRegistry.discover().descriptors()) {
            out.println(d.id() + "\t" + d.title());
        }
        return 0;
    }

    private int describe(String processId) throws Exception {
        Optional<ProcessDescriptor> descriptor = ProcessRegistry.discover().descriptor(processId);
        if (descriptor.isEmpty()) {
            err.println("Unknown process '" + processId + "'");
            return ProcessRunner.FAILED;
        }
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(descriptor.get()));
        return 0;
    }

    private int sample(String[] args) throws Exception {
        int size = args.length == 3 ? Integer.parseInt(args[2]) : DEFAULT_SAMPLE_SIZE;
        SamplePair pair = SamplePairGenerator.generate(Path.of(args[1]), size, SAMPLE_SEED);
        out.println(pair.before());
        out.println(pair.after());
        out.println(pair.truth());
        return 0;
    }

    /** A pair of generated Sentinel-2 SAFE products of one tile and their change truth. */
    private int sampleSentinel2(String[] args) throws Exception {
        int size = args.length >= 3 ? Integer.parseInt(args[2]) : DEFAULT_SAMPLE_SIZE_S2;
        ProcessingLevel level = args.length >= 4 ? ProcessingLevel.of(args[3]) : ProcessingLevel.LEVEL_2A;
        String baseline = args.length >= 5 ? args[4] : "04.00";
        if (args.length == 6) {
            if (!args[5].equals("later")) return usage();
            // Only the later product (clouds over changes): what a single-product benchmark needs.
            out.println(Sentinel2ProductGenerator.generate(Path.of(args[1]),
                    new eu.candela.wps.samples.SyntheticSentinel2Scene(size, SAMPLE_SEED), 1, level, baseline));
            return 0;
        }
        Sentinel2ProductGenerator.Sentinel2Pair pair = Sentinel2ProductGenerator.generatePair(Path.of(args[1]), level, baseline, size, SAMPLE_SEED);
        out.println(pair.before());
        out.println(pair.after());
        out.println(pair.truth());
        return 0;
    }

    private int usage() {
        err.println("""
                usage: java -jar candela-processes.jar <command>
                  run <process-id> <job-dir>   run a process on a job directory (exit 0 succeeded, 1 failed, 2 cancelled)
                  list                         list process ids and titles
                  describe <process-id>        print a process descriptor as JSON
                  sample <out-dir> [size]      write the synthetic bi-temporal sample pair (default 1024 px)
                  sample-s2 <archive-dir> [size] [Level-1C|Level-2A] [baseline] [later]
                                               write a pair of Sentinel-2 SAFE products of one tile and their
                                               change truth (default 1200 px, Level-2A, 04.00; 10980 is a full tile);
                                               'later' writes only the later product""");
        return USAGE;
    }
}
