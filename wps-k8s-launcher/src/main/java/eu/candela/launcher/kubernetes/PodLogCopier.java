package eu.candela.launcher.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the container logs of a job's pods to its {@code job.log} when it ends: the process writes its
 * own events there, but what it printed (a JVM crash, a native library's complaint) only Kubernetes has,
 * and only until the pod is gone. A log that cannot be had is noted in the log, never an error.
 */
final class PodLogCopier {
    private static final Logger LOG = LoggerFactory.getLogger(PodLogCopier.class);

    private final KubernetesClient client;
    private final String namespace;

    PodLogCopier(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    void append(List<Pod> pods, Path jobLog) {
        List<Pod> oldestFirst = pods.stream()
                .sorted(Comparator.comparing((Pod pod) -> String.valueOf(pod.getMetadata().getCreationTimestamp())))
                .toList();
        for (Pod pod : oldestFirst) {
            String name = pod.getMetadata().getName();
            String text;
            try {
                text = client.pods().inNamespace(namespace).withName(name)
                        .inContainer(JobManifests.CONTAINER_NAME).getLog();
            } catch (KubernetesClientException e) {
                text = "(the log of pod " + name + " could not be read: " + JobApi.rootMessage(e) + ")\n";
            }
            write(jobLog, "--- container output of pod " + name + " ---\n" + (text == null ? "" : text)
                    + (text != null && !text.isEmpty() && !text.endsWith("\n") ? "\n" : ""));
        }
    }

    private static void write(Path jobLog, String text) {
        try {
            Files.writeString(jobLog, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("cannot append the pod log to {}: {}", jobLog, e.toString());
        }
    }
}
