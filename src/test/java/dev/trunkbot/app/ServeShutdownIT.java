package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.slack.fake.FakeSlack;
import dev.trunkbot.slack.fake.SlackUser;
import dev.trunkbot.testing.Numbers;
import dev.trunkbot.workflow.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on {@code serve} in the middle of a run: it stops taking work, releases the step that
 * outlives TRUNKBOT_SHUTDOWN_TIMEOUT and exits 0 within the bound, without a stack trace; a serve
 * started afterwards on the same database (PostgreSQL) finishes the run, each DID assigned once,
 * and the same status message shows it.
 */
class ServeShutdownIT {
  private static final int DIDS = 30;
  private static final long FIRST = 12027700000L;

  @TempDir Path home;
  private final List<TrunkbotProcess> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(TrunkbotProcess::close);
  }

  @Test
  void sigtermMidRunExitsZeroWithinTheBoundAndTheNextServeFinishesTheRun() throws Exception {
    List<String> dids = Numbers.from(FIRST, DIDS);
    try (GuideHarness harness = new GuideHarness(dids, home, TestDatabases.newPostgresUrl());
        FakeSlack slack = FakeSlack.start()) {
      harness
          .sandbox
          .twilio()
          .faults()
          .on("trunkPhoneNumbers.create")
          .latency(Duration.ofMillis(1500), Duration.ZERO);
      Map<String, String> env = new HashMap<>(harness.env);
      env.remove("TRUNKBOT_ALLOW_AUTO_APPROVE");
      env.put("TRUNKBOT_APPROVERS", "U0APPROVER");
      env.put("TRUNKBOT_SHUTDOWN_TIMEOUT", "2");
      env.put("TRUNKBOT_TWILIO_CONCURRENCY", "5");
      ServeReplica first = ServeReplica.start("first", env, slack, home);
      processes.add(first.process());
      SlackUser requester = new SlackUser(slack, first.slack(), "U0REQ", "rita");
      SlackUser approver = new SlackUser(slack, first.slack(), "U0APPROVER", "alice");
      assertThat(requester.command("C0OPS", "create").status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(10)).until(() -> slack.views().size() == 1);
      JsonNode view = slack.views().get(0);
      requester.submit(view, ServeReplica.form("stop-pbx", FIRST, DIDS));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !slack.messages(p -> p.threadTs != null).isEmpty());
      approver.click(slack.messages(p -> p.threadTs != null).get(0), "trunk_approve");
      await().atMost(Duration.ofSeconds(60)).until(() -> assignments(harness) >= 5);
      assertThat(first.get("/readyz").statusCode()).isEqualTo(200);

      long signalled = System.nanoTime();
      // SIGTERM through the handle: Process.destroy() would also close the pipes, losing what the
      // process says while it stops
      first.process().process.toHandle().destroy();
      int code = first.process().exitCode(Duration.ofSeconds(60));
      Duration took = Duration.ofNanos(System.nanoTime() - signalled);
      assertThat(code).as(first.process().output()).isZero();
      assertThat(took)
          .as("TRUNKBOT_SHUTDOWN_TIMEOUT=2: the DID step is released, not waited for")
          .isLessThan(Duration.ofSeconds(20));
      assertThat(String.join("\n", first.process().err)).contains("released at shutdown");
      assertThat(first.process().printedAStackTrace()).as(first.process().output()).isFalse();
      assertThat(assignments(harness)).as("stopped before the end").isLessThan(DIDS);

      harness.sandbox.twilio().faults().clear();
      ServeReplica second = ServeReplica.start("second", env, slack, home);
      processes.add(second.process());
      FakeSlack.Posted status = slack.messages(p -> p.threadTs == null).get(0);
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> status.text().split("— succeeded", -1).length >= 11);
      assertThat(slack.messages(p -> p.threadTs == null)).as("the same message").hasSize(1);
      assertThat(harness.sandbox.twilio().inventory().assignedPhoneNumbers()).isEqualTo(DIDS);
      Map<String, Long> perNumber = harness.assignmentsPerNumber();
      assertThat(perNumber).hasSize(DIDS);
      assertThat(perNumber.values()).allMatch(n -> n == 1L);
    }
  }

  private static long assignments(GuideHarness harness) {
    return harness
        .sandbox
        .twilio()
        .requests()
        .count(e -> e.endpoint().equals("trunkPhoneNumbers.create") && e.status() == 201);
  }
}
