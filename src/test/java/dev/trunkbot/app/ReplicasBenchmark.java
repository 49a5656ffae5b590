package dev.trunkbot.app;

import dev.trunkbot.service.Actor;
import dev.trunkbot.service.CreateOptions;
import dev.trunkbot.service.GroupDirectory;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.service.RunSummary;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs per minute for one and for three {@code serve} replicas (each its own JVM) on one embedded
 * PostgreSQL, both emulators answering every call after 100 ms, Twilio's limit 20 calls at once
 * (PortSIP's raised to 20 as well, so that Twilio's is the limit measured): beside the bound the
 * limit itself sets, 20 calls at once / 100 ms = 200 Twilio calls a second, divided by the Twilio
 * calls one run makes. Runs are started by a client in this JVM (approved at once) and executed by
 * the replicas. mean@Twilio is the calls in flight on average (calls x 100 ms / wall time), set
 * against the most at once. Prints figures; not part of the default run: {@code mvn -B test
 * -Dtest=ReplicasBenchmark}.
 */
class ReplicasBenchmark {
  private static final Duration LATENCY = Duration.ofMillis(100);
  private static final int LIMIT = 20;
  private static final int RUNS = 60;
  private static final int DIDS_PER_RUN = 2;
  private static final long FIRST = 12027800000L;

  @TempDir Path home;

  @Test
  void printRunsPerMinute() throws Exception {
    System.out.printf(
        "%d runs of %d DIDs, %d ms per call on both emulators, Twilio limit %d (PortSIP %d)%n",
        RUNS, DIDS_PER_RUN, LATENCY.toMillis(), LIMIT, LIMIT);
    System.out.printf(
        "%9s %10s %10s %14s %16s %12s %12s%n",
        "replicas",
        "wall s",
        "runs/min",
        "Twilio/run",
        "limit's bound",
        "max@Twilio",
        "mean@Twilio");
    for (int replicas : new int[] {1, 3}) {
      measure(replicas);
    }
  }

  private void measure(int replicas) throws Exception {
    List<String> dids = Numbers.from(FIRST, RUNS * DIDS_PER_RUN);
    Path dir = home.resolve("r" + replicas);
    List<TrunkbotProcess> processes = new ArrayList<>();
    try (GuideHarness harness = new GuideHarness(dids, dir, TestDatabases.newPostgresUrl());
        FakeSlack slack = FakeSlack.start()) {
      Map<String, String> env = new HashMap<>(harness.env);
      env.put("TRUNKBOT_TWILIO_CONCURRENCY", Integer.toString(LIMIT));
      env.put("TRUNKBOT_PORTSIP_CONCURRENCY", Integer.toString(LIMIT));
      env.put("TRUNKBOT_LOG_LEVEL", "WARN");
      for (int r = 0; r < replicas; r++) {
        processes.add(ServeReplica.start("replica" + r, env, slack, dir).process());
      }
      harness.sandbox.twilio().faults().onAll().latency(LATENCY, Duration.ZERO);
      harness.sandbox.portsip().faults().onAll().latency(LATENCY, Duration.ZERO);
      harness.clearLogs();
      harness.sandbox.twilio().inFlight().reset();
      Map<String, String> clientEnv = new HashMap<>(env);
      clientEnv.put("TRUNKBOT_HOME", dir.resolve("client").toString());
      try (TrunkService client =
          Runtime.open(clientEnv, Role.CLIENT, GroupDirectory.NONE).service()) {
        long start = System.nanoTime();
        for (int run = 0; run < RUNS; run++) {
          client.create(spec(run), Actor.cli("bench"), new CreateOptions(true, Map.of()));
        }
        List<RunSummary> runs;
        do {
          Thread.sleep(200);
          runs = client.list(RUNS + 1);
        } while (!runs.stream().allMatch(r -> r.state().finished()));
        double seconds = (System.nanoTime() - start) / 1e9;
        long failed = runs.stream().filter(r -> r.state() != RunStatus.SUCCEEDED).count();
        double twilioPerRun = harness.sandbox.twilio().requests().entries().size() / (double) RUNS;
        double bound = LIMIT / (LATENCY.toMillis() / 1000.0) * 60 / twilioPerRun;
        double mean = twilioPerRun * RUNS * LATENCY.toMillis() / 1000.0 / seconds;
        System.out.printf(
            "%9d %10.1f %10.1f %14.1f %16.1f %12d %12.1f%s%n",
            replicas,
            seconds,
            RUNS / seconds * 60,
            twilioPerRun,
            bound,
            harness.sandbox.twilio().inFlight().most(),
            mean,
            failed == 0 ? "" : "  (" + failed + " runs did not succeed)");
      }
    } finally {
      processes.forEach(TrunkbotProcess::close);
    }
  }

  private static TrunkSpec spec(int run) {
    return ServeReplica.spec("bench-" + run, FIRST + (long) run * DIDS_PER_RUN, DIDS_PER_RUN);
  }
}
