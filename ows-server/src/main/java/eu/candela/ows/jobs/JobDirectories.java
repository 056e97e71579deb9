package eu.candela.ows.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The job directories under the jobs root ({@code <root>/<jobId>}) and the files the engine reads there. */
final class JobDirectories {
    static final String INPUTS_FILE = "inputs.json";
    static final String RESULT_FILE = "result.json";
    /** Held while one server (of the replicas sharing the job directories) finishes a job's result. */
    static final String FINISHING_CLAIM = ".finishing";

    private static final Logger LOG = LoggerFactory.getLogger(JobDirectories.class);

    private final Path root;
    private final ObjectMapper json = new ObjectMapper();

    JobDirectories(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The directory of a job; {@code jobId} must be a job id, so the path cannot leave the root. */
    Path of(String jobId) {
        if (!JobIds.isValid(jobId)) {
            throw new IllegalArgumentException("not a job id: '" + jobId + "'");
        }
        return root.resolve(jobId);
    }

    Path create(String jobId) {
        try {
            return Files.createDirectories(of(jobId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the job directory of " + jobId, e);
        }
    }

    void deleteQuietly(String jobId) {
        Path directory = of(jobId);
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (NoSuchFileException e) {
            // nothing to delete
        } catch (IOException e) {
            LOG.warn("cannot delete job directory {}: {}", directory, e.toString());
        }
    }

    /**
     * Claims the finishing of a job's result for this caller: true for exactly one of the servers that
     * share the job directories and try at once (the file is created atomically), until
     * {@link #releaseFinishing}. A claim older than {@code staleAfter} is taken over: its holder died.
     */
    boolean claimFinishing(String jobId, Instant now, Duration staleAfter) {
        Path claim = of(jobId).resolve(FINISHING_CLAIM);
        try {
            Files.createFile(claim);
            return true;
        } catch (FileAlreadyExistsException e) {
            return takeOverIfStale(claim, now, staleAfter);
        } catch (IOException e) {
            LOG.warn("cannot claim the finishing of job {}: {}; finishing it anyway", jobId, e.toString());
            return true;
        }
    }

    private static boolean takeOverIfStale(Path claim, Instant now, Duration staleAfter) {
        try {
            Instant since = Files.getLastModifiedTime(claim).toInstant();
            if (Duration.between(since, now).compareTo(staleAfter) < 0) {
                return false;
            }
            Files.setLastModifiedTime(claim, FileTime.from(now));
            LOG.warn("took over a claim on finishing {} left since {}", claim.getParent().getFileName(), since);
            return true;
        } catch (IOException e) {
            return false; // released meanwhile: the job was finished
        }
    }

    /** True while another server holds a claim on finishing the job that is not yet stale. */
    boolean isBeingFinished(String jobId, Instant now, Duration staleAfter) {
        try {
            Instant since = Files.getLastModifiedTime(of(jobId).resolve(FINISHING_CLAIM)).toInstant();
            return Duration.between(since, now).compareTo(staleAfter) < 0;
        } catch (IOException e) {
            return false;
        }
    }

    void releaseFinishing(String jobId) {
        try {
            Files.deleteIfExists(of(jobId).resolve(FINISHING_CLAIM));
        } catch (IOException e) {
            LOG.warn("cannot release the finishing claim of job {}: {}", jobId, e.toString());
        }
    }

    Optional<String> readInputs(String jobId) {
        return read(of(jobId).resolve(INPUTS_FILE));
    }

    /** The text of {@code result.json} when it is a complete JSON object; empty when missing, partial or not JSON. */
    Optional<String> readCompleteResult(String jobId) {
        return read(of(jobId).resolve(RESULT_FILE)).filter(this::isJsonObject);
    }

    private boolean isJsonObject(String text) {
        try {
            return json.readTree(text).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.toString());
            return Optional.empty();
        }
    }
}
