package dev.trunkbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.SectionBlock;
import dev.trunkbot.service.Actor;
import dev.trunkbot.service.RunResources;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.StepStatus;
import dev.trunkbot.service.StepSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The status message, drawn from a summary, stays inside Slack's limits whatever it holds. */
class StatusMessageTest {
  @Test
  void hugeErrorsAndNamesStayWithinSlacksLimitsAndAreEscaped() {
    List<StepSummary> steps = new ArrayList<>();
    for (String id : InMemoryService.STEPS) {
      steps.add(
          new StepSummary(
              id,
              "Step <" + id + ">",
              StepStatus.FAILED,
              3,
              0,
              0,
              0,
              Optional.empty(),
              Optional.of("x".repeat(10_000)),
              Optional.empty(),
              Optional.empty()));
    }
    RunSummary run =
        new RunSummary(
            "r1",
            "A & <B>",
            "t.pstn.twilio.com",
            RunStatus.FAILED,
            Actor.cli("ops"),
            Instant.now(),
            Instant.now(),
            Optional.empty(),
            steps,
            Optional.empty(),
            Set.of(),
            Optional.of("y".repeat(10_000)),
            new RunResources(Optional.empty(), Optional.empty(), "1", 1, Map.of()),
            Map.of(),
            false);
    for (Message m :
        List.of(StatusMessage.render(run), Replies.failure(run), Answers.run(run, true))) {
      assertThat(m.blocks()).hasSizeLessThanOrEqualTo(Kit.MESSAGE_BLOCKS);
      m.blocks().stream()
          .filter(b -> b instanceof SectionBlock)
          .map(b -> ((SectionBlock) b).getText().getText())
          .forEach(t -> assertThat(t.length()).isLessThanOrEqualTo(Kit.SECTION_TEXT));
    }
    String text = StatusMessage.render(run).blocks().toString();
    assertThat(text).contains("A &amp; &lt;B&gt;", "ops (command line)").doesNotContain("<B>");
  }
}
