package dev.trunkbot.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The Web API methods trunkbot calls, answered as Slack answers them. */
final class FakeApi {
  /** An HTTP answer: status, JSON body, and Retry-After seconds when rate limited. */
  record Answer(int status, ObjectNode body, int retryAfter) {
    static Answer ok(ObjectNode body) {
      return new Answer(200, body.put("ok", true), 0);
    }

    static Answer error(String error) {
      return new Answer(
          200, FakeSlack.JSON.createObjectNode().put("ok", false).put("error", error), 0);
    }
  }

  private final FakeSlack slack;
  private final AtomicInteger views = new AtomicInteger();

  FakeApi(FakeSlack slack) {
    this.slack = slack;
  }

  Answer answer(FakeSlack.Call call) {
    if (call.method().equals("apps.connections.open")) {
      return call.token().equals(slack.appToken)
          ? Answer.ok(node().put("url", slack.socket.url()))
          : Answer.error("invalid_auth");
    }
    if (!call.token().equals(slack.botToken) || slack.refuseAuth) {
      return Answer.error("invalid_auth");
    }
    return switch (call.method()) {
      case "auth.test" ->
          Answer.ok(
              node()
                  .put("url", "https://fake.slack.test/")
                  .put("team", "Fake")
                  .put("user", "trunkbot")
                  .put("team_id", FakeSlack.TEAM)
                  .put("user_id", FakeSlack.BOT_USER)
                  .put("bot_id", "B0BOT"));
      case "chat.postMessage" -> post(call);
      case "chat.update" -> update(call);
      case "chat.postEphemeral" -> ephemeral(call);
      case "views.open", "views.push" -> view(call, true);
      case "views.update" -> view(call, false);
      case "usergroups.users.list" -> group(call);
      default -> Answer.error("unknown_method");
    };
  }

  private Answer post(FakeSlack.Call call) {
    String channel = call.params().getOrDefault("channel", "");
    if (channel.isEmpty()) {
      return Answer.error("channel_not_found");
    }
    if (slack.unpostable.contains(channel)) {
      return Answer.error("not_in_channel");
    }
    JsonNode blocks = call.json("blocks");
    if (!checked("chat.postMessage", BlockKitRules.message(blocks))) {
      return Answer.error("invalid_blocks");
    }
    String ts = slack.nextTs();
    FakeSlack.Posted p = new FakeSlack.Posted(channel, ts, call.params().get("thread_ts"), blocks);
    p.editNanos.add(call.nanos());
    slack.messages.put(channel + "/" + ts, p);
    return Answer.ok(node().put("channel", channel).put("ts", ts));
  }

  private Answer update(FakeSlack.Call call) {
    if (slack.rateLimitUpdates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return new Answer(
          429, node().put("ok", false).put("error", "ratelimited"), slack.retryAfterSeconds);
    }
    String channel = call.params().getOrDefault("channel", "");
    String ts = call.params().getOrDefault("ts", "");
    FakeSlack.Posted p = slack.messages.get(channel + "/" + ts);
    if (p == null) {
      return Answer.error("message_not_found");
    }
    JsonNode blocks = call.json("blocks");
    if (!checked("chat.update", BlockKitRules.message(blocks))) {
      return Answer.error("invalid_blocks");
    }
    p.versions.add(blocks);
    p.editNanos.add(call.nanos());
    return Answer.ok(node().put("channel", channel).put("ts", ts));
  }

  private Answer ephemeral(FakeSlack.Call call) {
    if (!checked("chat.postEphemeral", BlockKitRules.message(call.json("blocks")))) {
      return Answer.error("invalid_blocks");
    }
    return Answer.ok(node().put("message_ts", slack.nextTs()));
  }

  private Answer view(FakeSlack.Call call, boolean needsTrigger) {
    if (needsTrigger) {
      Long issued = slack.triggers.remove(call.params().getOrDefault("trigger_id", ""));
      if (issued == null || System.nanoTime() - issued > TimeUnit.SECONDS.toNanos(3)) {
        return Answer.error("expired_trigger_id");
      }
    }
    ObjectNode view = (ObjectNode) call.json("view");
    if (view == null || !checked(call.method(), BlockKitRules.view(view))) {
      return Answer.error("invalid_arguments");
    }
    view.put("id", "V" + views.incrementAndGet()).put("hash", "h" + views.get());
    slack.views.add(view);
    return Answer.ok(node().set("view", view));
  }

  private Answer group(FakeSlack.Call call) {
    List<String> members = slack.groups.get(call.params().getOrDefault("usergroup", ""));
    if (members == null) {
      return Answer.error("no_such_subteam");
    }
    ArrayNode users = FakeSlack.JSON.createArrayNode();
    members.forEach(users::add);
    return Answer.ok(node().set("users", users));
  }

  private boolean checked(String method, List<String> wrong) {
    wrong.forEach(w -> slack.violations.add(method + ": " + w));
    return wrong.isEmpty();
  }

  private static ObjectNode node() {
    return FakeSlack.JSON.createObjectNode();
  }
}
