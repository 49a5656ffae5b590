package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trunkbot.testing.Numbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command stops within its bound whatever happens (SIGTERM in the middle of a run, a failure
 * while other steps are in flight), and a later process finishes the run with one of each resource.
 */
class ShutdownIT {
  private static final Duration BOUND = Duration.ofSeconds(45);
  private static final Pattern RUN = Pattern.compile("^run ([0-9a-f-]{36}): ");
  private static final int DIDS = 60;

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

  private TrunkbotProcess start(String... args) throws Exception {
    TrunkbotProcess p = TrunkbotProcess.start(harness.env, "alice", args);
    processes.add(p);
    return p;
  }

  private Path prepare() throws Exception {
    List<String> dids = Numbers.from(12027500000L, DIDS);
    harness = new GuideHarness(dids, home);
    harness.env.put("TRUNKBOT_SHUTDOWN_TIMEOUT", "2");
    return Files.writeString(
        home.resolve("spec.yaml"),
        """
        name: Stop-Trunk
        termination: stop-pbx
        pbx: 151.101.2.3
        dids: "12027500000-12027500059"
        tenants:
          acme: "12027500000-12027500059"
        maxConcurrentCalls: 30
        """);
  }

  private long assignments() {
    return harness
        .sandbox
        .twilio()
        .requests()
        .count(e -> e.endpoint().equals("trunkPhoneNumbers.create") && e.status() == 201);
  }

  @Test
  void sigtermInTheMiddleOfARunStopsTheCommandAndAnotherProcessFinishesTheRun() throws Exception {
    Path spec = prepare();
    harness
        .sandbox
        .twilio()
        .faults()
        .on("trunkPhoneNumbers.create")
        .latency(Duration.ofMillis(1500), Duration.ZERO);
    TrunkbotProcess create = start("create", "--file", spec.toString(), "--auto-approve");
    await().atMost(BOUND).until(() -> assignments() >= 10 || !create.process.isAlive());
    assertThat(create.process.isAlive()).as(create.output()).isTrue();
    long signalled = System.nanoTime();
    create.process.destroy(); // SIGTERM
    int code = create.exitCode(BOUND);
    Duration took = Duration.ofNanos(System.nanoTime() - signalled);
    assertThat(code).as(create.output()).isEqualTo(143);
    assertThat(took)
        .as("the step outlived TRUNKBOT_SHUTDOWN_TIMEOUT=2 and was released")
        .isLessThan(Duration.ofSeconds(15));
    assertThat(create.printedAStackTrace()).as(create.output()).isFalse();
    assertThat(assignments()).as("stopped before the end").isLessThan(DIDS);

    harness.sandbox.twilio().faults().clear();
    TrunkbotProcess resume = start("resume", runId(create), "--json");
    assertThat(resume.exitCode(BOUND)).as(resume.output()).isZero();
    assertOneOfEach();
  }

  @Test
  void aFailureWhileOtherStepsAreInFlightEndsTheCommandAndResumeFinishesTheRun() throws Exception {
    Path spec = prepare();
    harness
        .sandbox
        .twilio()
        .faults()
        .on("trunkPhoneNumbers.create")
        .latency(Duration.ofMillis(100), Duration.ZERO);
    harness.sandbox.portsip().faults().on("providers.create").failNth(1, 400);
    TrunkbotProcess create = start("create", "--file", spec.toString(), "--auto-approve");
    assertThat(create.exitCode(BOUND)).as(create.output()).isEqualTo(1);
    assertThat(create.printedAStackTrace()).as(create.output()).isFalse();
    assertThat(create.stdout()).contains("FAILED").contains("trunkbot resume");
    assertThat(create.stdout()).doesNotContain("RUNNING  ");

    TrunkbotProcess resume = start("resume", runId(create));
    assertThat(resume.exitCode(BOUND)).as(resume.output()).isZero();
    assertOneOfEach();
  }

  @Test
  void anUnknownLogLevelIsRefusedInOneLine() throws Exception {
    prepare();
    harness.env.put("TRUNKBOT_LOG_LEVEL", "LOUD");
    TrunkbotProcess list = start("list");
    assertThat(list.exitCode(BOUND)).isEqualTo(2);
    assertThat(list.err).singleElement().asString().contains("TRUNKBOT_LOG_LEVEL").contains("WARN");
  }

  private void assertOneOfEach() {
    var inventory = harness.sandbox.twilio().inventory();
    assertThat(inventory.trunks()).isEqualTo(1);
    assertThat(inventory.originationUrls()).isEqualTo(2);
    assertThat(inventory.assignedPhoneNumbers()).isEqualTo(DIDS);
    Map<String, Long> perNumber =
        harness
            .sandbox
            .twilio()
            .requests()
            .matching(e -> e.endpoint().equals("trunkPhoneNumbers.create") && e.status() == 201)
            .stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    e -> e.params().get("PhoneNumberSid"), java.util.stream.Collectors.counting()));
    assertThat(perNumber.values()).allMatch(n -> n == 1L);
    assertThat(
            harness
                .sandbox
                .portsip()
                .requests()
                .count(e -> e.endpoint().equals("providers.create") && e.status() == 201))
        .isEqualTo(1);
  }

  private static String runId(TrunkbotProcess p) {
    for (String line : List.copyOf(p.out)) {
      Matcher m = RUN.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("no run id in " + p.output());
  }
}
