package dev.trunkbot.app;

import dev.trunkbot.provisioning.GuideWorkflow;
import dev.trunkbot.sandbox.RequestLog;
import dev.trunkbot.service.GroupDirectory;
import dev.trunkbot.service.Role;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.StepSummary;
import dev.trunkbot.service.TrunkService;
import dev.trunkbot.testing.Numbers;
import dev.trunkbot.workflow.Step;
import dev.trunkbot.workflow.WorkflowDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide against both emulators with 100 ms added to every call, for 10 and 500 DIDs: the
 * workflow's wall time beside (a) the same calls one after another in the guide's order and (b) the
 * critical-path bound, and the most calls Twilio saw at once. Prints figures; not part of the
 * default run: {@code mvn -B test -Dtest=GuideBenchmark}.
 */
class GuideBenchmark {
  private static final Duration LATENCY = Duration.ofMillis(100);
  private static final int TWILIO_LIMIT = 20;

  @TempDir Path home;

  @Test
  void printFigures() throws Exception {
    System.out.printf(
        "Guide workflow, %d ms per call on both emulators, Twilio concurrency %d%n",
        LATENCY.toMillis(), TWILIO_LIMIT);
    System.out.printf(
        "%6s %8s %10s %12s %10s %12s %12s %10s%n",
        "DIDs",
        "calls",
        "wall ms",
        "one-by-one",
        "speedup",
        "crit. path",
        "wall/crit",
        "max@Twilio");
    for (int dids : new int[] {10, 500}) {
      measure(dids);
    }
  }

  private void measure(int count) throws Exception {
    List<String> numbers = Numbers.from(12027500000L, count);
    Path dir = Files.createDirectories(home.resolve("n" + count));
    try (GuideHarness h = new GuideHarness(numbers, dir)) {
      h.env.put("TRUNKBOT_TWILIO_CONCURRENCY", Integer.toString(TWILIO_LIMIT));
      Path spec = dir.resolve("spec.yaml");
      long half = 12027500000L + count / 2;
      Files.writeString(
          spec,
          "name: Bench-"
              + count
              + "\ntermination: bench-"
              + count
              + "\npbx: 151.101.2.3\n"
              + "dids: \"12027500000-"
              + (12027500000L + count - 1)
              + "\"\n"
              + "tenants:\n  acme: \"12027500000-"
              + (half - 1)
              + "\"\n  globex: \""
              + half
              + "-"
              + (12027500000L + count - 1)
              + "\"\n"
              + "maxConcurrentCalls: 30\n");
      h.sandbox.twilio().faults().onAll().latency(LATENCY, Duration.ZERO);
      h.sandbox.portsip().faults().onAll().latency(LATENCY, Duration.ZERO);
      if (h.run("create", "--file", spec.toString(), "--auto-approve", "--json") != 0) {
        throw new AssertionError("the run failed: " + h.out + h.err);
      }
      RunSummary run;
      try (TrunkService service = Runtime.open(h.env, Role.CLIENT, GroupDirectory.NONE).service()) {
        run = service.run(h.json().get("runId").asText());
      }
      List<RequestLog.Entry> calls = new ArrayList<>(h.sandbox.twilio().requests().entries());
      List<RequestLog.Entry> twilioCalls = List.copyOf(calls);
      calls.addAll(h.sandbox.portsip().requests().entries());
      long wall = Duration.between(run.createdAt(), run.finishedAt().orElseThrow()).toMillis();
      long oneByOne = calls.stream().mapToLong(e -> e.duration().toMillis()).sum();
      long critical = criticalPath(run, calls, count);
      System.out.printf(
          "%6d %8d %10d %12d %9.1fx %12d %11.2fx %10d%n",
          count,
          calls.size(),
          wall,
          oneByOne,
          (double) oneByOne / wall,
          critical,
          (double) wall / critical,
          maxInFlight(twilioCalls));
    }
  }

  /**
   * The longest chain of the guide's DAG, each step costing the least its calls can take: one after
   * another within a step, except the DID assignment, whose calls go {@value #TWILIO_LIMIT} at a
   * time. Calls are attributed to steps by endpoint; those before the preflight ended are its own,
   * those after verification began are verification's.
   */
  private static long criticalPath(RunSummary run, List<RequestLog.Entry> calls, int dids) {
    Instant verifyStart = run.step("verify").flatMap(StepSummary::startedAt).orElseThrow();
    Instant preflightEnd = run.step("preflight").flatMap(StepSummary::finishedAt).orElseThrow();
    Map<String, Integer> perStep = new HashMap<>();
    for (RequestLog.Entry e : calls) {
      String step =
          e.at().isBefore(preflightEnd)
              ? "preflight"
              : e.at().isBefore(verifyStart) ? stepOf(e.endpoint()) : "verify";
      perStep.merge(step, 1, Integer::sum);
    }
    Map<String, Long> cost = new HashMap<>();
    perStep.forEach(
        (step, n) ->
            cost.put(
                step,
                step.equals("assign-dids")
                    ? (long) Math.ceil((double) dids / TWILIO_LIMIT)
                        * (n / dids)
                        * LATENCY.toMillis()
                    : n * LATENCY.toMillis()));
    WorkflowDefinition guide = definition();
    Map<String, Long> finish = new HashMap<>();
    for (String id : guide.topologicalOrder()) {
      Step step = guide.step(id).orElseThrow();
      long start =
          step.dependsOn().stream().mapToLong(d -> finish.getOrDefault(d, 0L)).max().orElse(0);
      finish.put(id, start + cost.getOrDefault(id, 0L));
    }
    return finish.values().stream().max(Comparator.naturalOrder()).orElse(0L);
  }

  private static String stepOf(String endpoint) {
    String group =
        endpoint.substring(
            0, endpoint.indexOf('.') < 0 ? endpoint.length() : endpoint.indexOf('.'));
    switch (group) {
      case "trunks":
        return "trunk";
      case "accounts":
        return "preflight";
      case "ipAccessControlLists":
      case "ipAddresses":
      case "trunkIpAccessControlLists":
        return "ip-acl";
      case "credentialLists":
      case "credentials":
      case "trunkCredentialLists":
        return "credential-list";
      case "originationUrls":
        return "origination";
      case "incomingPhoneNumbers":
        return "find-dids";
      case "trunkPhoneNumbers":
        return "assign-dids";
      case "auth":
      case "login":
      case "providers":
        return "portsip-trunk";
      case "tenants":
      case "assignees":
        return "portsip-tenants";
      default:
        throw new IllegalStateException("no step for endpoint " + endpoint);
    }
  }

  /** The guide's DAG (the ports are never called: only the shape is read). */
  private static WorkflowDefinition definition() {
    return GuideWorkflow.definition(
        new dev.trunkbot.provisioning.Ports(
            unused(dev.trunkbot.twilio.TwilioTrunking.class),
            unused(dev.trunkbot.portsip.PortSipTrunks.class),
            pbx -> pbx.host()));
  }

  private static <T> T unused(Class<T> port) {
    return port.cast(
        java.lang.reflect.Proxy.newProxyInstance(
            GuideBenchmark.class.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(
                  "the benchmark reads only the workflow's shape");
            }));
  }

  /** The most requests that were being answered at the same moment. */
  private static int maxInFlight(List<RequestLog.Entry> calls) {
    List<long[]> edges = new ArrayList<>();
    for (RequestLog.Entry e : calls) {
      long start = e.at().toEpochMilli() * 1000 + e.at().getNano() / 1000 % 1000;
      edges.add(new long[] {start, 1});
      edges.add(new long[] {start + e.duration().toNanos() / 1000, -1});
    }
    edges.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    int now = 0;
    int max = 0;
    for (long[] edge : edges) {
      now += (int) edge[1];
      max = Math.max(max, now);
    }
    return max;
  }
}
