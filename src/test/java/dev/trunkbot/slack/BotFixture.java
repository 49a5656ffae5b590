package dev.trunkbot.slack;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.service.ApprovalPolicy;
import dev.trunkbot.slack.fake.Delivery;
import dev.trunkbot.slack.fake.FakeSlack;
import dev.trunkbot.slack.fake.SlackUser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Slack bot on an in-memory service, reached through the fake Slack in either mode. */
final class BotFixture implements AutoCloseable {
  static final String CHANNEL = "C0OPS";
  static final String SECRET = "fakesigningsecret0";
  static final String APPROVERS = "U0ALICE,U0BOB,U0REQ,S0NOC";

  final FakeSlack slack;
  final InMemoryService service;
  final SlackBot bot;
  final Delivery delivery;
  final SlackUser requester;
  final SlackUser alice;
  final SlackUser bob;
  final SlackUser stranger;
  final SlackUser carol;

  BotFixture(SlackSettings.Mode mode, Map<String, String> extra) throws Exception {
    slack = FakeSlack.start();
    Map<String, String> env =
        mode == SlackSettings.Mode.SOCKET ? slack.socketEnv() : slack.httpEnv(SECRET);
    env.putAll(extra);
    SlackConnection conn = SlackConnection.open(SlackSettings.from(env));
    service =
        new InMemoryService(ApprovalPolicy.of(APPROVERS, false, false).withGroups(conn.groups()));
    slack.group("S0NOC", List.of("U0CAROL"));
    bot = SlackBot.start(conn, service, 0, Duration.ofMillis(50), (h, t) -> {});
    delivery =
        mode == SlackSettings.Mode.SOCKET
            ? Delivery.socket(slack.socket())
            : Delivery.http(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"), SECRET);
    requester = new SlackUser(slack, delivery, "U0REQ", "rita");
    alice = new SlackUser(slack, delivery, "U0ALICE", "alice");
    bob = new SlackUser(slack, delivery, "U0BOB", "bob");
    stranger = new SlackUser(slack, delivery, "U0EVE", "eve");
    carol = new SlackUser(slack, delivery, "U0CAROL", "carol");
  }

  /** The view opened after the {@code n}th views.open (1 = first). */
  JsonNode view(int n) {
    await().atMost(Duration.ofSeconds(5)).until(() -> slack.views().size() >= n);
    return slack.views().get(n - 1);
  }

  /** The {@code n}th private answer sent to a response URL (1 = first). */
  FakeSlack.Responded response(int n) {
    await().atMost(Duration.ofSeconds(5)).until(() -> slack.responses().size() >= n);
    return slack.responses().get(n - 1);
  }

  FakeSlack.Posted statusMessage() {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !slack.messages(p -> p.threadTs == null).isEmpty());
    return slack.messages(p -> p.threadTs == null).get(0);
  }

  List<FakeSlack.Posted> replies() {
    return slack.messages(p -> p.threadTs != null);
  }

  static Map<String, String> validForm() {
    return Map.of(
        TrunkForm.NAME, "Twilio-Reg-Trunk",
        TrunkForm.TERMINATION, "portsip-pbx",
        TrunkForm.PBX, "151.101.2.3",
        TrunkForm.DIDS, "12027594810-12027594815\n12027594820",
        TrunkForm.TENANTS, "acme: 12027594810-12027594815\nglobex=12027594820",
        TrunkForm.MAX_CALLS, "30");
  }

  @Override
  public void close() {
    bot.close();
    slack.close();
  }
}
