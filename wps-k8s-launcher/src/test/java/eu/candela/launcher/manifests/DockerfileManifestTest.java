package eu.candela.launcher.manifests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eu.candela.launcher.kubernetes.JobManifests;
import eu.candela.launcher.manifests.Dockerfile.Instruction;
import eu.candela.launcher.manifests.Dockerfile.Stage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfiles, checked as text because no Docker engine runs here: pinned base images, a
 * Maven build stage without tests, a JRE runtime as a numeric non-root user, jars copied from the
 * paths the poms make, and entry points that match what the manifests and the process table run.
 */
class DockerfileManifestTest {
    private static final String SERVER = "docker/Dockerfile.server";
    private static final String PROCESSING = "docker/Dockerfile.processing";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {SERVER, PROCESSING})
    void everyBaseImageNamesAPinnedTag(String path) throws IOException {
        Dockerfile dockerfile = read(path);
        Set<String> stageNames = new HashSet<>();
        for (Stage stage : dockerfile.stages()) {
            String image = stage.baseImage();
            if (!stageNames.contains(image) && !image.contains("@sha256:")) {
                String lastSegment = image.substring(image.lastIndexOf('/') + 1);
                assertThat(lastSegment).as("base image %s", image).contains(":");
                assertThat(lastSegment.substring(lastSegment.indexOf(':') + 1)).as("tag of %s", image).isNotEqualTo("latest");
            }
            stageNames.add(stage.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SERVER, PROCESSING})
    void aMavenStageBuildsTheReactorWithoutTestsAndAJreRunsTheResult(String path) throws IOException {
        Dockerfile dockerfile = read(path);
        assertThat(dockerfile.stages()).hasSize(2);
        Stage build = dockerfile.stages().get(0);
        assertThat(build.baseImage()).isEqualTo("maven:3-eclipse-temurin-17");
        assertThat(build.name()).isEqualTo("build");
        assertThat(build.all("RUN")).anyMatch(run -> run.arguments().contains("mvn ") && run.arguments().contains("-DskipTests"));
        assertThat(dockerfile.finalStage().baseImage()).isEqualTo("eclipse-temurin:17-jre");
    }

    @ParameterizedTest
    @ValueSource(strings = {SERVER, PROCESSING})
    void theRuntimeRunsAsTheNumericNonRootUserThePodsDeclare(String path) throws IOException {
        Stage runtime = read(path).finalStage();
        String user = runtime.last("USER").arguments();
        assertThat(user).as("USER of %s", path).matches("\\d+(:\\d+)?");
        long uid = Long.parseLong(user.split(":")[0]);
        // The server's pod and the launcher's Job pods declare this uid; fsGroup makes the volumes writable to it.
        assertThat(uid).isNotZero().isEqualTo(serverPodUid()).isEqualTo(JobManifests.RUN_AS_USER);
        assertThat(runtime.indexOfLast("USER")).as("USER before ENTRYPOINT in %s", path)
                .isLessThan(runtime.indexOfLast("ENTRYPOINT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {SERVER, PROCESSING})
    void everyCopiedJarIsOneTheReactorBuildsAndTheBuildStageBuildsItsModule(String path) throws IOException {
        Dockerfile dockerfile = read(path);
        List<Instruction> copies = dockerfile.finalStage().all("COPY").stream()
                .filter(c -> c.arguments().startsWith("--from=build ")).toList();
        assertThat(copies).hasSize(1);
        String[] words = copies.get(0).arguments().split("\\s+");
        String source = words[1];
        assertThat(source).startsWith("/src/");
        String relative = source.substring("/src/".length());
        String module = relative.substring(0, relative.indexOf('/'));
        assertThat(ReactorBuildOutputs.modules()).contains(module);
        assertThat(ReactorBuildOutputs.jarsOf(module)).contains(relative);
        assertThat(dockerfile.stages().get(0).all("RUN")).anyMatch(run -> run.arguments().contains("-pl " + module + " -am"));
        assertThat(entryPoint(dockerfile)).contains(words[2]);
    }

    @Test
    void theProcessingEntryPointIsTheCliTheProcessTableRuns() throws IOException {
        List<String> entryPoint = entryPoint(read(PROCESSING));
        assertThat(entryPoint).containsExactly("java", "-jar", "/opt/candela/candela-processes.jar");

        // The launcher appends `run <process-id> /job` to the table's command.
        for (String table : List.of("geoserver-data-dir/processes/images.yaml", "k8s/base/data-dir/processes/images.yaml")) {
            Map<?, ?> parsed = new YAMLMapper().readValue(RepositoryFiles.resolve(table).toFile(), Map.class);
            assertThat(((Map<?, ?>) parsed.get("defaults")).get("command")).as("default command in %s", table).isEqualTo(entryPoint);
        }

        assertThat(ReactorBuildOutputs.mainClassesOf("wps-processes")).containsExactly("eu.candela.wps.cli.ProcessCli");
        assertThat(RepositoryFiles.resolve("wps-processes/src/main/java/eu/candela/wps/cli/ProcessCli.java")).isRegularFile();
    }

    @Test
    void theServerExposesThePortItsDeploymentProbes() throws IOException {
        Stage runtime = read(SERVER).finalStage();
        assertThat(runtime.last("EXPOSE").arguments()).isEqualTo("8080");
        var container = baseServerDeployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getPorts()).anyMatch(p -> "http".equals(p.getName()) && p.getContainerPort() == 8080);
        assertThat(runtime.last("HEALTHCHECK").arguments()).contains("http://127.0.0.1:8080/actuator/health/liveness");
        assertThat(runtime.all("ENV")).anyMatch(env -> env.arguments().contains("SERVER_ADDRESS=0.0.0.0"));
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndHistoryButKeepsTheSources() throws IOException {
        List<String> ignored = Files.readAllLines(RepositoryFiles.resolve(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignored).contains(".git", "**/target");
        List<String> needed = new java.util.ArrayList<>(ReactorBuildOutputs.modules());
        needed.addAll(List.of("pom.xml", "geoserver-data-dir"));
        for (String pattern : ignored) {
            assertThat(needed).as("paths excluded by %s", pattern).noneMatch(p -> p.equals(pattern) || p.equals(pattern.replace("**/", "")));
        }
    }

    private static Dockerfile read(String path) throws IOException {
        return Dockerfile.read(RepositoryFiles.resolve(path));
    }

    private static List<String> entryPoint(Dockerfile dockerfile) throws IOException {
        String arguments = dockerfile.finalStage().last("ENTRYPOINT").arguments();
        assertThat(arguments).as("ENTRYPOINT in exec form, so signals reach the JVM").startsWith("[");
        return JSON.readValue(arguments, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    /** The base manifest read directly, so this test needs no kubectl. */
    private static Deployment baseServerDeployment() throws IOException {
        for (HasMetadata o : RenderedOverlay.parse(Files.readString(RepositoryFiles.resolve("k8s/base/server.yaml")))) {
            if (o instanceof Deployment d) return d;
        }
        throw new AssertionError("k8s/base/server.yaml has no Deployment");
    }

    private static long serverPodUid() throws IOException {
        return baseServerDeployment().getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser();
    }
}
