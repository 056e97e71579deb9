package eu.candela.wps.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.candela.wps.workflow.GateStep;
import eu.candela.wps.workflow.JoinParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The value types of the workflow SPI: steps from records or maps, outputs read typed. */
class StepTest {

    @TempDir
    Path dir;

    @Test
    void aStepFromTheProcessesOwnInputRecordTakesItsIdAndComponents() {
        Step step = Step.of("gate-1", GateStep.class, new GateStep.In("gate-1", null));

        assertThat(step.processId()).isEqualTo("test.Gate");
        assertThat(step.inputs()).containsExactly(Map.entry("name", "gate-1")); // null is left to the default
    }

    @Test
    void stepNamesAreDirectoryNamesAndNamed() {
        assertThatThrownBy(() -> Step.of("../escape", "Hello", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'../escape'");
        assertThatThrownBy(() -> Step.of(".hidden", "Hello", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Step.of("detect_3.b-1", "Hello", Map.of()).name()).isEqualTo("detect_3.b-1");
    }

    @Test
    void outputsReadTypedAsTheStepsOutputRecord() throws Exception {
        Path joined = Files.writeString(dir.resolve("joined.txt"), "a");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("joined", joined);
        values.put("count", "7");
        StepOutputs outputs = new StepOutputs("join", "test.JoinParts", values);

        JoinParts.Out out = outputs.as(JoinParts.Out.class);

        assertThat(out.joined()).isEqualTo(joined);
        assertThat(out.count()).isEqualTo(7);
        assertThat(outputs.file("joined")).isEqualTo(joined);
        assertThat(outputs.literal("count")).isEqualTo("7");
    }

    @Test
    void askingForAMissingOrMistypedOutputNamesTheStep() {
        StepOutputs outputs = new StepOutputs("join", "test.JoinParts", Map.of("count", "7"));

        assertThatThrownBy(() -> outputs.file("count")).hasMessageContaining("step 'join'").hasMessageContaining("literal");
        assertThatThrownBy(() -> outputs.file("joined")).hasMessageContaining("step 'join' (test.JoinParts) has no output 'joined'");
    }

    @Test
    void aStepFailureNamesStepProcessAndReason() {
        StepFailedException e = new StepFailedException("detect-3", "ChangeDetection", "Input 'after' is required");

        assertThat(e).hasMessage("Step 'detect-3' (ChangeDetection) failed: Input 'after' is required");
        assertThat(e.stepName()).isEqualTo("detect-3");
        assertThat(e.reason()).isEqualTo("Input 'after' is required");
    }

    @Test
    void aWorkflowRunWithoutAWorkflowRuntimeSaysWhatItNeeds() {
        ProcessContext plain = new ProcessContext() {
            public void progress(int percentCompleted, String message) { }
            public boolean isCancelled() { return false; }
            public Path jobDirectory() { return dir; }
            public Path outputDirectory() { return dir; }
            public org.slf4j.Logger log() { return org.slf4j.LoggerFactory.getLogger("test"); }
        };

        assertThatThrownBy(() -> new eu.candela.wps.workflow.GateFanOut().run(new eu.candela.wps.workflow.GateFanOut.In(1, 1, null), plain))
                .hasMessageContaining("needs a workflow runtime");
    }

    @Test
    void aWorkflowIsDescribedLikeAnyProcess() {
        ProcessDescriptor d = ProcessDefinitions.describe(eu.candela.wps.workflow.GateFanOut.class);

        assertThat(d.id()).isEqualTo("test.GateFanOut");
        assertThat(d.inputs()).extracting(InputDescriptor::id).containsExactly("steps", "concurrency", "failing");
    }
}
