package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trunkbot.testing.Numbers;
import dev.trunkbot.workflow.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several trunkbot processes on one database at once, as users run them: on the embedded database
 * of one TRUNKBOT_HOME (one follows a create, one lists, one approves; five starting at once on a
 * home that does not exist yet), and on PostgreSQL (two processes following their runs at once).
 */
class ManyProcessesIT {
  private static final Duration BOUND = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RUN = Pattern.compile("^run ([0-9a-f-]{36}): ");

  @TempDir Path home;
  private GuideHarness harness;
  private final List<TrunkbotProcess> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(TrunkbotProcess::close);
    if (harness != null) {
      harness.close();
    }
  }

  private TrunkbotProcess start(String user, String... args) throws Exception {
    TrunkbotProcess p = TrunkbotProcess.start(harness.env, user, args);
    processes.add(p);
    return p;
  }

  private Path spec(String label, long first, int count) throws Exception {
    Path file = home.resolve(label + ".yaml");
    long last = first + count - 1;
    Files.writeString(
        file,
        "name: Trunk-"
            + label
            + "\ntermination: "
            + label
            + "\npbx: 151.101.2.3\ndids: \""
            + first
            + "-"
            + last
            + "\"\ntenants:\n  acme: \""
            + first
            + "-"
            + last
            + "\"\nmaxConcurrentCalls: 30\n");
    return file;
  }

  @Test
  void threeProcessesOnOneEmbeddedHomeFollowListAndApprove() throws Exception {
    harness = new GuideHarness(Numbers.from(12027500000L, 20), home);
    harness.env.remove("TRUNKBOT_ALLOW_AUTO_APPROVE");
    harness.sandbox.twilio().faults().onAll().latency(Duration.ofMillis(60), Duration.ZERO);
    Path spec = spec("shared-home", 12027500000L, 20);

    TrunkbotProcess create = start("alice", "create", "--file", spec.toString());
    await().atMost(BOUND).until(() -> runId(create) != null || !create.process.isAlive());
    String runId = runId(create);
    assertThat(runId).as(create.output()).isNotNull();
    TrunkbotProcess list = start("carol", "list", "--json");
    assertThat(list.exitCode(BOUND)).as(list.output()).isZero();
    JsonNode listed = JSON.readTree(list.stdout());
    assertThat(listed.findValuesAsText("runId")).contains(runId);
    assertThat(create.exitCode(BOUND)).as("waiting for approval: " + create.output()).isEqualTo(3);

    TrunkbotProcess approve = start("bob", "approve", runId, "--json");
    TrunkbotProcess listAgain = start("carol", "list");
    assertThat(listAgain.exitCode(BOUND)).as(listAgain.output()).isZero();
    assertThat(approve.exitCode(BOUND)).as(approve.output()).isZero();
    assertThat(JSON.readTree(approve.stdout()).get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(harness.sandbox.twilio().inventory().assignedPhoneNumbers()).isEqualTo(20);
    for (TrunkbotProcess p : processes) {
      assertThat(p.printedAStackTrace()).as(p.output()).isFalse();
    }
  }

  @Test
  void fiveProcessesStartingAtOnceOnAFreshHomeAllOpenIt() throws Exception {
    harness = new GuideHarness(Numbers.from(12027500000L, 1), home);
    List<TrunkbotProcess> five = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      five.add(start("carol", "list"));
    }
    for (TrunkbotProcess p : five) {
      assertThat(p.exitCode(BOUND)).as(p.output()).isZero();
      assertThat(p.output()).doesNotContain("cannot be opened");
    }
  }

  @Test
  void twoProcessesFollowTheirRunsAtOnceOnPostgresAndEachSeesEveryEventOfItsRunOnce()
      throws Exception {
    List<String> all = new ArrayList<>(Numbers.from(12027500000L, 15));
    all.addAll(Numbers.from(12027600000L, 15));
    harness = new GuideHarness(all, home, TestDatabases.newPostgresUrl());
    harness.sandbox.twilio().faults().onAll().latency(Duration.ofMillis(30), Duration.ZERO);
    TrunkbotProcess one =
        start(
            "alice",
            "create",
            "--file",
            spec("pg-one", 12027500000L, 15).toString(),
            "--auto-approve");
    TrunkbotProcess two =
        start(
            "bob",
            "create",
            "--file",
            spec("pg-two", 12027600000L, 15).toString(),
            "--auto-approve");
    assertThat(one.exitCode(BOUND)).as(one.output()).isZero();
    assertThat(two.exitCode(BOUND)).as(two.output()).isZero();
    for (TrunkbotProcess p : List.of(one, two)) {
      Map<String, Integer> lines = new HashMap<>();
      String id = runId(p);
      p.out.stream()
          .filter(l -> l.matches("^\\[[a-z-]+\\] (started|succeeded).*"))
          .forEach(
              l -> lines.merge(l.replaceAll("^(\\[[a-z-]+\\] \\w+).*", "$1"), 1, Integer::sum));
      assertThat(lines)
          .as("run " + id + ": " + p.output())
          .hasSize(20); // preflight and the nine steps: started, succeeded
      assertThat(lines.remove("[assign-dids] started"))
          .as("the DID step starts, asks for approval (auto-approved) and starts again")
          .isEqualTo(2);
      assertThat(lines.values()).as("each event once: " + lines).allMatch(n -> n == 1);
      assertThat(p.printedAStackTrace()).as(p.output()).isFalse();
    }
    var twilio = harness.sandbox.twilio();
    assertThat(twilio.inventory().trunks()).isEqualTo(2);
    assertThat(twilio.inventory().assignedPhoneNumbers()).isEqualTo(30);
    assertThat(
            twilio.requests().count(e -> e.endpoint().equals("trunks.create") && e.status() == 201))
        .as("each trunk created once")
        .isEqualTo(2);
  }

  private static String runId(TrunkbotProcess p) {
    for (String line : List.copyOf(p.out)) {
      Matcher m = RUN.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }
}
