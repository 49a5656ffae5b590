package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.sandbox.RequestLog;
import dev.trunkbot.service.GroupDirectory;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.TrunkService;
import dev.trunkbot.slack.fake.Delivery;
import dev.trunkbot.slack.fake.FakeSlack;
import dev.trunkbot.slack.fake.SlackUser;
import dev.trunkbot.testing.Numbers;
import dev.trunkbot.workflow.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} replicas (HTTP mode, each its own JVM) on one embedded PostgreSQL: 50 runs
 * submitted through Slack's form to both, approved through both, and the replica that edits the
 * status messages killed (SIGKILL) while steps are in flight. Every run completes, each Twilio and
 * PortSIP effect happens once, no status message is ever edited by two replicas at once (nor by one
 * after the other took over), and Twilio and PortSIP never see more than their limits at once,
 * counted by the emulators themselves.
 */
class ReplicasIT {
  private static final int RUNS = 50;
  private static final int DIDS_PER_RUN = 3;
  private static final long FIRST_DID = 12027600000L;
  private static final int TWILIO_LIMIT = 4;
  private static final int PORTSIP_LIMIT = 3;
  private static final String CHANNEL = "C0OPS";
  private static final Duration BOUND = Duration.ofMinutes(3);

  @TempDir Path home;
  private final List<TrunkbotProcess> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(TrunkbotProcess::close);
  }

  private ServeReplica start(String name, Map<String, String> env, FakeSlack slack)
      throws Exception {
    ServeReplica r = ServeReplica.start(name, env, slack, home);
    processes.add(r.process());
    return r;
  }

  private static List<String> dids() {
    return Numbers.from(FIRST_DID, RUNS * DIDS_PER_RUN);
  }

  private static Map<String, String> form(int run) {
    return ServeReplica.form("replica-" + run, FIRST_DID + (long) run * DIDS_PER_RUN, DIDS_PER_RUN);
  }

  @Test
  void twoReplicasShareFiftyRunsAndLoseNothingWhenOneIsKilled() throws Exception {
    try (GuideHarness harness = new GuideHarness(dids(), home, TestDatabases.newPostgresUrl());
        FakeSlack slack = FakeSlack.start()) {
      harness.sandbox.twilio().faults().onAll().latency(Duration.ofMillis(15), Duration.ZERO);
      harness.sandbox.portsip().faults().onAll().latency(Duration.ofMillis(10), Duration.ZERO);
      slack.updateLatency(Duration.ofMillis(20));
      Map<String, String> env = new HashMap<>(harness.env);
      env.remove("TRUNKBOT_ALLOW_AUTO_APPROVE");
      env.put("TRUNKBOT_APPROVERS", "U0APPROVER");
      env.put("TRUNKBOT_TWILIO_CONCURRENCY", Integer.toString(TWILIO_LIMIT));
      env.put("TRUNKBOT_PORTSIP_CONCURRENCY", Integer.toString(PORTSIP_LIMIT));
      ServeReplica a = start("a", env, slack);
      ServeReplica b = start("b", env, slack);
      List<ServeReplica> both = List.of(a, b);
      SlackUser requester = new SlackUser(slack, a.slack(), "U0REQ", "rita");
      SlackUser approver = new SlackUser(slack, a.slack(), "U0APPROVER", "alice");

      assertThat(requester.command(CHANNEL, "create").status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(10)).until(() -> slack.views().size() == 1);
      JsonNode view = slack.views().get(0);
      for (int run = 0; run < RUNS; run++) {
        Delivery to = both.get(run % 2).slack();
        assertThat(requester.via(to).submit(view, form(run)).status()).isEqualTo(200);
      }

      // Approve each request as it comes, through both replicas; kill the one that edits the
      // status messages once half are approved and DIDs are being assigned.
      Set<String> clicked = new HashSet<>();
      ServeReplica killed = null;
      int clickedWhenKilled = 0;
      long deadline = System.nanoTime() + BOUND.toNanos();
      while (clicked.size() < RUNS && System.nanoTime() < deadline) {
        for (FakeSlack.Posted request : approvalRequests(slack)) {
          if (clicked.add(request.ts)) {
            ServeReplica to =
                killed == null ? both.get(clicked.size() % 2) : survivor(both, killed);
            assertThat(approver.via(to.slack()).click(request, "trunk_approve").status())
                .isEqualTo(200);
          }
        }
        if (killed == null && clicked.size() >= RUNS / 2 && assignments(harness) > 0) {
          killed = editor(slack, both);
          clickedWhenKilled = clicked.size();
          killed.process().process.destroyForcibly(); // SIGKILL
          killed.process().process.waitFor();
        }
        Thread.sleep(100);
      }
      assertThat(clicked).as("approval requests posted").hasSize(RUNS);
      assertThat(killed).as("a replica was killed mid-run").isNotNull();
      ServeReplica survivor = survivor(both, killed);

      Map<String, String> clientEnv = new HashMap<>(env);
      clientEnv.put("TRUNKBOT_HOME", home.resolve("client").toString());
      try (TrunkService runs =
          Runtime.open(clientEnv, Role.CLIENT, GroupDirectory.NONE).service()) {
        // Every click was acknowledged after its approval was stored, so none is lost with the
        // killed replica (Slack does not send an acknowledged click again): nobody clicks twice.
        long end = System.nanoTime() + BOUND.toNanos();
        List<RunSummary> all = runs.list(RUNS + 10);
        while (!all.stream().allMatch(r -> r.state().finished()) && System.nanoTime() < end) {
          Thread.sleep(500);
          all = runs.list(RUNS + 10);
        }
        assertThat(all)
            .as("runs not finished: %s", all.stream().filter(r -> !r.state().finished()).toList())
            .allMatch(r -> r.state().finished());
        assertThat(all).hasSize(RUNS);
        assertThat(all).allMatch(r -> r.state() == RunStatus.SUCCEEDED, "every run succeeded");
      }

      System.out.printf(
          "ReplicasIT: killed %s with %d of %d approved; Twilio at most %d at"
              + " once (limit %d), PortSIP at most %d (limit %d)%n",
          killed.name(),
          clickedWhenKilled,
          RUNS,
          harness.sandbox.twilio().inFlight().most(),
          TWILIO_LIMIT,
          harness.sandbox.portsip().inFlight().most(),
          PORTSIP_LIMIT);
      assertEachEffectOnce(harness);
      assertThat(harness.sandbox.twilio().inFlight().most())
          .as("Twilio never saw more than the limit at once (counted by the emulator)")
          .isLessThanOrEqualTo(TWILIO_LIMIT)
          .isGreaterThanOrEqualTo(2);
      assertThat(harness.sandbox.portsip().inFlight().most())
          .as("nor PortSIP")
          .isLessThanOrEqualTo(PORTSIP_LIMIT);

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> statusMessages(slack).stream().allMatch(ReplicasIT::showsSucceeded));
      List<FakeSlack.Posted> statuses = statusMessages(slack);
      assertThat(statuses).as("one status message per run").hasSize(RUNS);
      assertThat(slack.overlappingEdits()).as("no message edited twice at once").isEmpty();
      assertOneEditorAtATime(slack, statuses);
      assertThat(slack.violations()).isEmpty();

      String metrics = survivor.get("/metrics").body();
      assertThat(metrics).contains("trunkbot_runs{state=\"SUCCEEDED\"} " + RUNS + ".0");
      assertThat(survivor.process().process.isAlive()).as(survivor.process().output()).isTrue();
      assertThat(survivor.process().printedAStackTrace()).as(survivor.process().output()).isFalse();
    }
  }

  private static ServeReplica survivor(List<ServeReplica> both, ServeReplica killed) {
    return both.get(0) == killed ? both.get(1) : both.get(0);
  }

  /** The replica that made the latest status edit: the one holding the status board. */
  private static ServeReplica editor(FakeSlack slack, List<ServeReplica> both) {
    List<FakeSlack.Call> edits = slack.calls("chat.update");
    String name = edits.isEmpty() ? "a" : edits.get(edits.size() - 1).replica();
    return both.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static long assignments(GuideHarness harness) {
    return harness
        .sandbox
        .twilio()
        .requests()
        .count(e -> e.endpoint().equals("trunkPhoneNumbers.create") && e.status() == 201);
  }

  private static List<FakeSlack.Posted> approvalRequests(FakeSlack slack) {
    return slack.messages(
        p -> p.threadTs != null && p.versions.get(0).toString().contains("trunk_approve"));
  }

  private static List<FakeSlack.Posted> statusMessages(FakeSlack slack) {
    return slack.messages(p -> p.threadTs == null && p.channel.equals(CHANNEL));
  }

  private static boolean showsSucceeded(FakeSlack.Posted status) {
    String text = status.text();
    return text.split("— succeeded", -1).length >= 11
        && !text.contains("running")
        && !text.contains("pending");
  }

  /** Every resource made once: one create answered 201 per trunk, list, URI, DID and PBX trunk. */
  private static void assertEachEffectOnce(GuideHarness harness) {
    RequestLog twilio = harness.sandbox.twilio().requests();
    Map<String, Long> creates = new LinkedHashMap<>();
    for (String endpoint :
        List.of(
            "trunks.create",
            "ipAccessControlLists.create",
            "credentialLists.create",
            "credentials.create",
            "originationUrls.create",
            "trunkPhoneNumbers.create")) {
      creates.put(endpoint, twilio.count(e -> e.endpoint().equals(endpoint) && e.status() == 201));
    }
    assertThat(creates)
        .containsEntry("trunks.create", (long) RUNS)
        .containsEntry("ipAccessControlLists.create", (long) RUNS)
        .containsEntry("credentialLists.create", (long) RUNS)
        .containsEntry("credentials.create", (long) RUNS)
        .containsEntry("originationUrls.create", 2L * RUNS)
        .containsEntry("trunkPhoneNumbers.create", (long) RUNS * DIDS_PER_RUN);
    Map<String, Long> perNumber = harness.assignmentsPerNumber();
    assertThat(perNumber).hasSize(RUNS * DIDS_PER_RUN);
    assertThat(perNumber.values()).allMatch(n -> n == 1L);
    var inventory = harness.sandbox.twilio().inventory();
    assertThat(inventory.trunks()).isEqualTo(RUNS);
    assertThat(inventory.assignedPhoneNumbers()).isEqualTo(RUNS * DIDS_PER_RUN);
    assertThat(
            harness
                .sandbox
                .portsip()
                .requests()
                .count(e -> e.endpoint().equals("providers.create") && e.status() == 201))
        .as("one PortSIP trunk per run")
        .isEqualTo(RUNS);
  }

  /**
   * Each status message was edited by one replica, then (after the kill) by the other: never back
   * and forth.
   */
  private static void assertOneEditorAtATime(FakeSlack slack, List<FakeSlack.Posted> statuses) {
    Map<String, List<FakeSlack.Call>> byMessage = new HashMap<>();
    for (FakeSlack.Call c : slack.calls()) {
      if (c.method().equals("chat.update")) {
        byMessage.computeIfAbsent(c.params().get("ts"), t -> new ArrayList<>()).add(c);
      }
    }
    for (FakeSlack.Posted status : statuses) {
      List<FakeSlack.Call> edits = byMessage.getOrDefault(status.ts, List.of());
      assertThat(edits).as("message %s was edited", status.ts).isNotEmpty();
      List<String> editors = new ArrayList<>();
      for (FakeSlack.Call c : edits) {
        if (editors.isEmpty() || !editors.get(editors.size() - 1).equals(c.replica())) {
          editors.add(c.replica());
        }
      }
      assertThat(editors)
          .as("editors of message %s in turn", status.ts)
          .hasSizeLessThanOrEqualTo(2)
          .doesNotHaveDuplicates();
    }
  }
}
