package dev.trunkbot.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkflowDefinitionTest {
  private static Step step(String id, String... deps) {
    return Step.builder(id, "Step " + id).dependsOn(deps).execute(ctx -> StepResult.done()).build();
  }

  @Test
  void ordersStepsAfterTheirDependencies() {
    var def =
        WorkflowDefinition.builder("guide", 1)
            .step(step("dids", "trunk", "credentials"))
            .step(step("trunk"))
            .step(step("credentials", "trunk"))
            .build();
    assertThat(def.topologicalOrder()).containsExactly("trunk", "credentials", "dids");
  }

  @Test
  void rejectsUnknownDependency() {
    assertThatThrownBy(() -> WorkflowDefinition.builder("guide", 1).step(step("a", "nope")).build())
        .hasMessageContaining("step 'a' depends on unknown step 'nope'");
  }

  @Test
  void rejectsCycleNamingIt() {
    assertThatThrownBy(
            () ->
                WorkflowDefinition.builder("guide", 1)
                    .step(step("a", "c"))
                    .step(step("b", "a"))
                    .step(step("c", "b"))
                    .build())
        .hasMessageContaining("dependency cycle a -> c -> b -> a");
  }

  @Test
  void rejectsDuplicateStepId() {
    assertThatThrownBy(
            () -> WorkflowDefinition.builder("guide", 1).step(step("a")).step(step("a")).build())
        .hasMessageContaining("duplicate step id 'a'");
  }

  @Test
  void builderSettersFailFastWithTheField() {
    assertThatThrownBy(() -> Step.builder("Bad Id", "x"))
        .hasMessageContaining("step id must match");
    assertThatThrownBy(() -> Step.builder("a", " ")).hasMessageContaining("needs a title");
    assertThatThrownBy(() -> Step.builder("a", "A").timeout(Duration.ZERO))
        .hasMessageContaining("timeout of step 'a'");
    assertThatThrownBy(() -> Engine.builder().workerThreads(0))
        .hasMessageContaining("workerThreads must be within 1..500, got 0");
    assertThatThrownBy(() -> Engine.builder().resourceLimit("twilio", 0))
        .hasMessageContaining("limit of resource 'twilio'");
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 2, Duration.ZERO, 0))
        .hasMessageContaining("maxAttempts must be >= 1");
  }

  @Test
  void backoffGrowsAndIsCapped() {
    var policy = new RetryPolicy(5, Duration.ofMillis(100), 2.0, Duration.ofMillis(300), 0.0);
    assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofMillis(300));
  }
}
