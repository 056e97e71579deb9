package eu.candela.launcher.manifests;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of the {@code restricted} Pod Security Standard the namespace enforces, plus a
 * read-only root filesystem, on the effective settings: a container's own security context, else
 * its pod's. Shared by the manifests' workloads and the launcher's Jobs.
 */
final class RestrictedPodStandard {
    private RestrictedPodStandard() {}

    static void assertMet(String who, PodSpec pod) {
        PodSecurityContext podContext = Objects.requireNonNullElseGet(pod.getSecurityContext(), PodSecurityContext::new);
        assertThat(pod.getHostNetwork()).as("hostNetwork of %s", who).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).as("hostPID of %s", who).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostIPC()).as("hostIPC of %s", who).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getVolumes()).as("volumes of %s", who).extracting(Volume::getHostPath).containsOnlyNulls();
        for (Container c : containersOf(pod)) {
            String container = who + " container " + c.getName();
            SecurityContext own = Objects.requireNonNullElseGet(c.getSecurityContext(), SecurityContext::new);
            assertThat(effective(own, podContext, SecurityContext::getRunAsNonRoot, PodSecurityContext::getRunAsNonRoot))
                    .as("runAsNonRoot of %s", container).isTrue();
            Long uid = effective(own, podContext, SecurityContext::getRunAsUser, PodSecurityContext::getRunAsUser);
            assertThat(uid).as("runAsUser of %s", container).isNotNull().isNotZero();
            assertThat(own.getReadOnlyRootFilesystem()).as("readOnlyRootFilesystem of %s", container).isTrue();
            assertThat(own.getAllowPrivilegeEscalation()).as("allowPrivilegeEscalation of %s", container).isFalse();
            assertThat(own.getPrivileged()).as("privileged of %s", container).isNotEqualTo(Boolean.TRUE);
            Capabilities caps = own.getCapabilities();
            assertThat(caps).as("capabilities of %s", container).isNotNull();
            assertThat(caps.getDrop()).as("dropped capabilities of %s", container).contains("ALL");
            assertThat(caps.getAdd()).as("added capabilities of %s", container).isNullOrEmpty();
            SeccompProfile seccomp = effective(own, podContext, SecurityContext::getSeccompProfile, PodSecurityContext::getSeccompProfile);
            assertThat(seccomp).as("seccomp profile of %s", container).isNotNull();
            assertThat(seccomp.getType()).as("seccomp profile of %s", container).isEqualTo("RuntimeDefault");
            assertThat(c.getPorts()).as("ports of %s", container).allMatch(p -> p.getHostPort() == null);
        }
    }

    static List<Container> containersOf(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) all.addAll(pod.getInitContainers());
        return all;
    }

    private static <T> T effective(SecurityContext container, PodSecurityContext pod,
                                   Function<SecurityContext, T> ownValue, Function<PodSecurityContext, T> podValue) {
        T own = ownValue.apply(container);
        return own != null ? own : podValue.apply(pod);
    }
}
