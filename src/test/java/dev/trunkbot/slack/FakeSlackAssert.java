package dev.trunkbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/** Checks on what the bot sent to the fake Slack. */
final class FakeSlackAssert {
  private FakeSlackAssert() {}

  /** Exactly one message outside threads (the status message), posted once. */
  static void oneStatusMessage(BotFixture f) throws InterruptedException {
    f.statusMessage();
    Thread.sleep(Duration.ofMillis(300).toMillis());
    assertThat(f.slack.messages(p -> p.threadTs == null)).hasSize(1);
    assertThat(f.slack.violations()).isEmpty();
  }
}
