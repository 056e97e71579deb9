package eu.candela.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobOutcomeTest {

    @Test
    void failureReasonKeepsOnlyTheFirstLine() {
        JobOutcome outcome = JobOutcome.failed("cannot open scene\n\tat some.Frame(Frame.java:1)");

        assertThat(outcome.reason()).isEqualTo("cannot open scene");
    }

    @Test
    void failureReasonIsBounded() {
        assertThat(JobOutcome.failed("x".repeat(5000)).reason()).hasSize(1000).endsWith("...");
    }

    @Test
    void blankFailureReasonIsReplacedByAGenericOne() {
        assertThat(JobOutcome.failed("  ").reason()).isEqualTo("the process failed without a message");
    }
}
