package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.testing.Numbers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trunkbot process killed with SIGKILL in the middle of the DID assignment; the run, resumed by
 * another process on the same database, ends with exactly one assignment per DID, and its rollback
 * unassigns them all (those assigned before the kill included).
 */
class GuideCrashIT {
  private static final int DIDS = 200;

  @TempDir Path home;
  private GuideHarness harness;
  private Process child;

  @AfterEach
  void stop() {
    if (child != null) {
      child.destroyForcibly();
    }
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void aCrashDuringDidAssignmentResumesToExactlyOneAssignmentPerDid() throws Exception {
    List<String> dids = Numbers.from(12027500000L, DIDS);
    harness = new GuideHarness(dids, home, "");
    harness.env.remove(
        "TRUNKBOT_DB_URL"); // the embedded file database under TRUNKBOT_HOME, shared by both
    // processes
    harness
        .sandbox
        .twilio()
        .faults()
        .on("trunkPhoneNumbers.create")
        .latency(Duration.ofMillis(150), Duration.ofMillis(50));
    Path spec = home.resolve("spec.yaml");
    Files.writeString(
        spec,
        """
                name: Crash-Trunk
                termination: crash-pbx
                pbx: 151.101.2.3
                dids: "12027500000-12027500199"
                tenants:
                  acme: "12027500000-12027500099"
                  globex: "12027500100-12027500199"
                maxConcurrentCalls: 30
                """);

    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "create",
            "--file",
            spec.toString(),
            "--auto-approve");
    Map<String, String> env = pb.environment();
    env.keySet()
        .removeIf(
            k -> k.startsWith("TWILIO_") || k.startsWith("PORTSIP_") || k.startsWith("TRUNKBOT_"));
    env.putAll(harness.env);
    pb.redirectErrorStream(true);
    child = pb.start();
    CompletableFuture<String> runId = new CompletableFuture<>();
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              Pattern started = Pattern.compile("^run ([0-9a-f-]{36}): ");
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  lines.add(line);
                  Matcher m = started.matcher(line);
                  if (m.find()) {
                    runId.complete(m.group(1));
                  }
                }
              } catch (java.io.IOException ignored) {
                // the process was killed
              }
            });
    reader.start();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                harness
                            .sandbox
                            .twilio()
                            .requests()
                            .count(
                                e ->
                                    e.endpoint().equals("trunkPhoneNumbers.create")
                                        && e.status() == 201)
                        >= 40
                    || !child.isAlive());
    assertThat(child.isAlive())
        .as("the child finished before it could be killed: " + lines)
        .isTrue();
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long before = harness.sandbox.twilio().inventory().assignedPhoneNumbers();
    assertThat(before).as("killed in the middle of the assignment").isBetween(40L, (long) DIDS - 1);

    harness.sandbox.twilio().faults().clear();
    String id = runId.getNow(null);
    assertThat(id).as("run id in " + lines).isNotNull();
    assertThat(harness.run("resume", id, "--json")).as(harness.err + harness.out).isZero();
    JsonNode report = harness.json();
    assertThat(report.get("state").asText()).isEqualTo("SUCCEEDED");

    assertThat(harness.sandbox.twilio().inventory().assignedPhoneNumbers()).isEqualTo(DIDS);
    Map<String, Long> createsPerNumber =
        harness
            .sandbox
            .twilio()
            .requests()
            .matching(e -> e.endpoint().equals("trunkPhoneNumbers.create") && e.status() == 201)
            .stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.params().get("PhoneNumberSid"), Collectors.counting()));
    assertThat(createsPerNumber).hasSize(DIDS);
    assertThat(createsPerNumber.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
    assertThat(harness.sandbox.twilio().inventory().trunks()).isEqualTo(1);
    assertThat(report.at("/steps").findValues("id").stream().map(JsonNode::asText))
        .contains("assign-dids");

    // the DIDs whose assignment began before the kill are the run's own: its rollback unassigns
    // every one of them
    assertThat(harness.run("rollback", id, "--json")).as(harness.err + harness.out).isZero();
    assertThat(harness.sandbox.twilio().inventory().assignedPhoneNumbers()).isZero();
    assertThat(harness.sandbox.twilio().inventory().trunks()).isZero();
    assertThat(harness.sandbox.portsip().inventory().trunks()).isZero();
  }
}
