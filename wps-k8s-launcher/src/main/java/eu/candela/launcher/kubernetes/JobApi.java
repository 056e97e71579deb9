package eu.candela.launcher.kubernetes;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's API calls on Jobs: create with bounded, doubling retries; delete with the pods; read one.
 * Blocking: call from worker threads, never from an informer's.
 */
final class JobApi {
    private static final Logger LOG = LoggerFactory.getLogger(JobApi.class);
    /** Longest wait between two create attempts, whatever the doubling reaches. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** How a create ended: {@code failure} is null once the Job exists. */
    record Created(String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private final KubernetesClient client;
    private final KubernetesLauncherConfig config;

    JobApi(KubernetesClient client, KubernetesLauncherConfig config) {
        this.client = client;
        this.config = config;
    }

    /**
     * Creates the Job, retrying what a busy or restarting API server answers (no answer, 429, 5xx);
     * another 4xx (forbidden, quota exceeded, invalid) is final.
     *
     * @param stop checked between attempts (the launcher closing)
     */
    Created create(Job job, BooleanSupplier stop) {
        Duration wait = config.submitBackoff();
        KubernetesClientException last = null;
        for (int attempt = 1; attempt <= config.submitAttempts() && !stop.getAsBoolean(); attempt++) {
            try {
                client.batch().v1().jobs().inNamespace(config.namespace()).resource(job).create();
                return new Created(null);
            } catch (KubernetesClientException e) {
                if (e.getCode() == 409) { // AlreadyExists: an earlier attempt got through before its answer was lost
                    return new Created(null);
                }
                if (!isRetryable(e)) {
                    return new Created("the Kubernetes API server refused the Job: " + rootMessage(e));
                }
                last = e;
                LOG.warn("creating Job {} failed (attempt {} of {}): {}", job.getMetadata().getName(), attempt,
                        config.submitAttempts(), rootMessage(e));
            }
            if (attempt < config.submitAttempts() && !sleep(wait)) {
                break;
            }
            wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
        }
        String why = last == null ? "the launcher closed" : rootMessage(last);
        return new Created("the Kubernetes API server did not accept the job after " + config.submitAttempts()
                + " attempts: " + why);
    }

    /**
     * Deletes the Job and its pods: background propagation lets the garbage collector remove the pods, the
     * explicit pod delete covers clusters (and test servers) without one. A missing Job is no error.
     */
    void delete(String jobId) {
        client.batch().v1().jobs().inNamespace(config.namespace()).withName(JobLabels.jobName(jobId))
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        client.pods().inNamespace(config.namespace()).withLabel(JobLabels.JOB_ID, jobId)
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }

    /** {@link #delete} that only logs a failure, for clean-up that must not stop the caller. */
    void deleteQuietly(String jobId) {
        try {
            delete(jobId);
        } catch (KubernetesClientException e) {
            LOG.warn("cannot delete the Job of {}: {}", jobId, rootMessage(e));
        }
    }

    /** The Job of a job id from the API server, for one the informer has not delivered yet. */
    Optional<Job> fetch(String jobId) {
        try {
            return Optional.ofNullable(client.batch().v1().jobs().inNamespace(config.namespace())
                    .withName(JobLabels.jobName(jobId)).get());
        } catch (KubernetesClientException | IllegalArgumentException e) {
            LOG.warn("cannot read the Job of {}: {}", jobId, e.getMessage());
            return Optional.empty();
        }
    }

    /** No HTTP answer at all (refused, reset, timed out), 429 and 5xx are worth another try; other 4xx are not. */
    static boolean isRetryable(KubernetesClientException e) {
        int code = e.getCode();
        if (code == 429 || code >= 500) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return code < 400;
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return cause == e ? message : e.getMessage() + " (" + message + ")";
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
