package dev.trunkbot.app;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.slack.fake.Delivery;
import dev.trunkbot.slack.fake.FakeSlack;
import dev.trunkbot.slack.fake.SlackUser;
import dev.trunkbot.testing.Numbers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Slack handler's acknowledgement time (as Slack sees it: signed HTTP request to answer)
 * while a 500-DID run works against a Twilio emulator that takes 2 s per call, and how many
 * chat.update calls that run's status message got. Prints figures; not part of the default run:
 * {@code mvn -B test -Dtest=SlackBenchmark}.
 */
class SlackBenchmark {
  private static final String SECRET = "fakesigningsecret0";
  private static final String CHANNEL = "C0OPS";
  private static final int DIDS = 500;
  private static final int NEW_TRUNKS = 50;
  private static final int ROUNDS = 100;
  private static final java.util.concurrent.atomic.AtomicInteger ROUND =
      new java.util.concurrent.atomic.AtomicInteger();

  @TempDir Path home;

  @Test
  void printFigures() throws Exception {
    List<String> numbers = Numbers.from(12027500000L, DIDS);
    Map<String, List<Long>> acks = new LinkedHashMap<>();
    try (GuideHarness emulators = new GuideHarness(numbers, home);
        FakeSlack slack = FakeSlack.start()) {
      emulators.sandbox.twilio().faults().onAll().latency(Duration.ofSeconds(2), Duration.ZERO);
      Map<String, String> env = new HashMap<>(emulators.env);
      env.putAll(slack.httpEnv(SECRET));
      env.put("TRUNKBOT_APPROVERS", "U0ALICE");
      env.remove("TRUNKBOT_ALLOW_AUTO_APPROVE");
      env.put("TRUNKBOT_SHUTDOWN_TIMEOUT", "5"); // the new trunks' runs are not waited for
      try (Serving serving = Serving.start(env, 0)) {
        Delivery http =
            Delivery.http(
                URI.create("http://127.0.0.1:" + serving.port() + "/slack/events"), SECRET);
        SlackUser rita = new SlackUser(slack, http, "U0REQ", "rita");
        SlackUser eve = new SlackUser(slack, http, "U0EVE", "eve");
        SlackUser alice = new SlackUser(slack, http, "U0ALICE", "alice");
        Map<String, List<Long>> cold = new LinkedHashMap<>();
        time(cold, "/trunk help (first after start)", rita.command(CHANNEL, "help"));
        time(cold, "/trunk create (first)", rita.command(CHANNEL, "create"));
        await().atMost(Duration.ofSeconds(5)).until(() -> slack.views().size() == 1);
        JsonNode form = slack.views().get(0);
        Map<String, String> typed = new HashMap<>();
        typed.put("name", "Bench-500");
        typed.put("termination", "bench-500");
        typed.put("pbx", "151.101.2.3");
        typed.put("dids", "12027500000-" + (12027500000L + DIDS - 1));
        typed.put(
            "tenants",
            "acme: 12027500000-12027500249\nglobex: 12027500250-" + (12027500000L + DIDS - 1));
        typed.put("max_calls", "100");
        Map<String, String> wrong = new HashMap<>(typed);
        wrong.put("pbx", "10.0.0.1");
        time(cold, "view trunk_create (first, errors)", rita.submit(form, wrong));
        long start = System.nanoTime();
        time(acks, "view trunk_create (valid)", rita.submit(form, typed));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> !slack.messages(p -> p.threadTs == null).isEmpty());
        FakeSlack.Posted status = slack.messages(p -> p.threadTs == null).get(0);
        String run = status.text().replaceAll("(?s).*Run `([^`]+)`.*", "$1");
        for (int round = 0; round < ROUNDS; round++) {
          commands(acks, rita, eve, run, form, typed, wrong);
        }
        await()
            .atMost(Duration.ofMinutes(3))
            .until(() -> !slack.messages(p -> p.threadTs != null).isEmpty());
        FakeSlack.Posted request = slack.messages(p -> p.threadTs != null).get(0);
        for (int round = 0; round < ROUNDS; round++) {
          time(acks, "block trunk_approve (refused)", eve.click(request, "trunk_approve"));
          time(acks, "block trunk_reject (refused)", eve.click(request, "trunk_reject"));
        }
        time(acks, "block trunk_approve", alice.click(request, "trunk_approve"));
        for (int round = 0; round < ROUNDS; round++) {
          commands(acks, rita, eve, run, form, typed, wrong);
          List<FakeSlack.Responded> answers = slack.responses();
          FakeSlack.Responded last = answers.get(answers.size() - 1);
          if (last.body().toString().contains("trunk_share")) {
            time(acks, "block trunk_share", rita.click(last, CHANNEL, "trunk_share"));
          }
        }
        acks.putAll(cold);
        await()
            .atMost(Duration.ofMinutes(5))
            .until(() -> slack.messages(p -> p.threadTs != null).size() >= 2);
        long took = System.nanoTime() - start;
        await().atMost(Duration.ofSeconds(10)).until(() -> status.text().contains("— succeeded\n"));
        // a valid form's ack waits until its run is stored: one new trunk a form
        for (int i = 0; i < NEW_TRUNKS; i++) {
          Map<String, String> another = new HashMap<>(typed);
          another.put("name", "Bench-New-" + i);
          another.put("termination", "bench-new-" + i);
          another.put("dids", "12027500000");
          another.put("tenants", "acme: 12027500000");
          time(acks, "view trunk_create (new trunk)", rita.submit(form, another));
          Thread.sleep(100);
        }
        print(acks, status, slack, took);
      }
    }
  }

  private static void commands(
      Map<String, List<Long>> acks,
      SlackUser rita,
      SlackUser eve,
      String run,
      JsonNode form,
      Map<String, String> typed,
      Map<String, String> wrong)
      throws Exception {
    time(acks, "/trunk help", rita.command(CHANNEL, "help"));
    time(acks, "/trunk status RUN", rita.command(CHANNEL, "status " + run));
    if (ROUND.incrementAndGet() % 10 == 0) {
      // reads Twilio (2 s a call): one in ten rounds, or the slow pool is full and says "busy"
      time(acks, "/trunk status TRUNK", rita.command(CHANNEL, "status bench-500"));
    }
    time(acks, "/trunk rollback (refused)", eve.command(CHANNEL, "rollback " + run));
    time(acks, "/trunk (unknown)", eve.command(CHANNEL, "frobnicate"));
    time(acks, "/trunk plan", rita.command(CHANNEL, "plan"));
    time(acks, "/trunk create", rita.command(CHANNEL, "create"));
    time(acks, "view trunk_create (errors)", rita.submit(form, wrong));
    time(acks, "view trunk_create (again)", rita.submit(form, typed));
    time(acks, "/trunk list", rita.command(CHANNEL, "list"));
    Thread.sleep(200);
  }

  private static void time(Map<String, List<Long>> acks, String handler, Delivery.Ack ack) {
    if (ack.status() != 200) {
      throw new AssertionError(handler + " answered " + ack.status());
    }
    acks.computeIfAbsent(handler, h -> new ArrayList<>()).add(ack.nanos());
  }

  private static void print(
      Map<String, List<Long>> acks, FakeSlack.Posted status, FakeSlack slack, long took) {
    System.out.printf(
        "Slack acks (signed HTTP request to answer), Twilio 2 s per call, %d DIDs%n", DIDS);
    System.out.printf("%-32s %6s %8s %8s %8s%n", "handler", "n", "p50 ms", "p99 ms", "max ms");
    acks.forEach(
        (handler, list) -> {
          List<Long> sorted = new ArrayList<>(list);
          Collections.sort(sorted);
          System.out.printf(
              "%-32s %6d %8.1f %8.1f %8.1f%n",
              handler,
              sorted.size(),
              ms(pct(sorted, 50)),
              ms(pct(sorted, 99)),
              ms(sorted.get(sorted.size() - 1)));
        });
    long minGap = Long.MAX_VALUE;
    for (int i = 1; i < status.editNanos.size(); i++) {
      minGap = Math.min(minGap, status.editNanos.get(i) - status.editNanos.get(i - 1));
    }
    System.out.printf(
        "run of %d DIDs: %.0f s; status message: 1 post + %d chat.update (of %d chat.update in all), closest two edits %.0f ms apart; Block Kit violations: %d%n",
        DIDS,
        took / 1e9,
        status.versions.size() - 1,
        slack.calls("chat.update").size(),
        minGap / 1e6,
        slack.violations().size());
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
