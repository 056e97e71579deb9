package eu.candela.ows.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import eu.candela.launcher.spi.JobEntryPoint;

/**
 * A stand-in for the processing CLI with one small process per behaviour, keeping the job
 * directory contract: {@code status.json} rewritten atomically, {@code result.json} at the end.
 */
final class TestProcesses implements JobEntryPoint {
    static final String SUCCEED = "Succeed";
    static final String FAIL = "Fail";
    /** Reports 40 % and waits for {@link #release} or cancellation. */
    static final String BLOCK = "Block";

    static final String RESULT_JSON = "{\"outputs\":[{\"name\":\"mask\",\"mediaType\":\"image/tiff\","
            + "\"path\":\"outputs/mask.tif\"}]}";
    static final String FAILURE_REASON = "no Sentinel-2 scene covers the area of interest";

    final CountDownLatch release = new CountDownLatch(1);
    final Set<String> started = ConcurrentHashMap.newKeySet();
    final Set<String> sawCancellation = ConcurrentHashMap.newKeySet();

    @Override
    public int run(String processId, Path jobDirectory, BooleanSupplier cancelled) throws IOException {
        String jobId = jobDirectory.getFileName().toString();
        started.add(jobId);
        switch (processId) {
            case SUCCEED:
                writeStatus(jobDirectory, 50, "computing");
                writeResult(jobDirectory);
                return 0;
            case FAIL:
                writeStatus(jobDirectory, 20, FAILURE_REASON);
                return 1;
            case BLOCK:
                writeStatus(jobDirectory, 40, "halfway");
                return block(jobId, jobDirectory, cancelled);
            default:
                throw new IllegalArgumentException("unknown test process " + processId);
        }
    }

    private int block(String jobId, Path jobDirectory, BooleanSupplier cancelled) throws IOException {
        while (!cancelled.getAsBoolean()) {
            try {
                if (release.await(5, TimeUnit.MILLISECONDS)) {
                    writeResult(jobDirectory);
                    return 0;
                }
            } catch (InterruptedException e) {
                // cancel() interrupts; the flag tells why
            }
        }
        sawCancellation.add(jobId);
        return 2;
    }

    static void writeResult(Path jobDirectory) throws IOException {
        Files.createDirectories(jobDirectory.resolve("outputs"));
        atomicWrite(jobDirectory.resolve("result.json"), RESULT_JSON);
    }

    static void writeStatus(Path jobDirectory, int percent, String message) throws IOException {
        atomicWrite(jobDirectory.resolve("status.json"),
                "{\"percentCompleted\":" + percent + ",\"message\":\"" + message + "\",\"updated\":\"2026-11-22T10:00:00Z\"}");
    }

    private static void atomicWrite(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
