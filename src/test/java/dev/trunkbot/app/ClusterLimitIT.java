package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trunkbot.service.Actor;
import dev.trunkbot.service.CreateOptions;
import dev.trunkbot.service.GroupDirectory;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.service.TrunkService;
import dev.trunkbot.slack.fake.FakeSlack;
import dev.trunkbot.testing.Numbers;
import dev.trunkbot.trunk.TrunkSpec;
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
 * Three {@code serve} replicas on one PostgreSQL, each allowed the whole Twilio limit: together
 * they still never have more calls at Twilio at once than the limit, as the emulator counts them,
 * while they do run calls side by side.
 */
class ClusterLimitIT {
  private static final int LIMIT = 3;
  private static final int RUNS = 12;
  private static final int DIDS_PER_RUN = 8;
  private static final long FIRST = 12027900000L;

  @TempDir Path home;
  private final List<TrunkbotProcess> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(TrunkbotProcess::close);
  }

  @Test
  void threeReplicasTogetherStayWithinTwiliosLimit() throws Exception {
    List<String> dids = Numbers.from(FIRST, RUNS * DIDS_PER_RUN);
    try (GuideHarness harness = new GuideHarness(dids, home, TestDatabases.newPostgresUrl());
        FakeSlack slack = FakeSlack.start()) {
      harness.sandbox.twilio().faults().onAll().latency(Duration.ofMillis(40), Duration.ZERO);
      Map<String, String> env = new HashMap<>(harness.env);
      env.put("TRUNKBOT_TWILIO_CONCURRENCY", Integer.toString(LIMIT));
      for (String name : List.of("one", "two", "three")) {
        processes.add(ServeReplica.start(name, env, slack, home).process());
      }
      Map<String, String> clientEnv = new HashMap<>(env);
      clientEnv.put("TRUNKBOT_HOME", home.resolve("client").toString());
      try (TrunkService client =
          Runtime.open(clientEnv, Role.CLIENT, GroupDirectory.NONE).service()) {
        for (int run = 0; run < RUNS; run++) {
          client.create(spec(run), Actor.cli("ops"), new CreateOptions(true, Map.of()));
        }
        await()
            .atMost(Duration.ofMinutes(2))
            .until(() -> client.list(RUNS + 1).stream().allMatch(r -> r.state().finished()));
        assertThat(client.list(RUNS + 1))
            .hasSize(RUNS)
            .allMatch(r -> r.state() == RunStatus.SUCCEEDED);
      }
      assertThat(harness.sandbox.twilio().inFlight().most())
          .as("calls at Twilio at once, counted by the emulator, three replicas together")
          .isLessThanOrEqualTo(LIMIT)
          .isGreaterThanOrEqualTo(2);
      assertThat(harness.sandbox.twilio().inventory().assignedPhoneNumbers())
          .isEqualTo(RUNS * DIDS_PER_RUN);
    }
  }

  private static TrunkSpec spec(int run) {
    return ServeReplica.spec("limit-" + run, FIRST + (long) run * DIDS_PER_RUN, DIDS_PER_RUN);
  }
}
