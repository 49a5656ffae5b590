package dev.trunkbot.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person in the fake workspace: types {@code /trunk}, fills and submits modals, clicks buttons;
 * each as the payload Slack would send, through the given delivery.
 */
public final class SlackUser {
  private final FakeSlack slack;
  private final Delivery delivery;
  public final String id;
  public final String name;

  public SlackUser(FakeSlack slack, Delivery delivery, String id, String name) {
    this.slack = slack;
    this.delivery = delivery;
    this.id = id;
    this.name = name;
  }

  public SlackUser via(Delivery other) {
    return new SlackUser(slack, other, id, name);
  }

  public Delivery.Ack command(String channel, String text) throws Exception {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", "legacy-verification");
    f.put("team_id", FakeSlack.TEAM);
    f.put("team_domain", "fake");
    f.put("channel_id", channel);
    f.put("channel_name", "ops");
    f.put("user_id", id);
    f.put("user_name", name);
    f.put("command", "/trunk");
    f.put("text", text);
    f.put("api_app_id", "A0FAKE");
    f.put("response_url", slack.responseUrl());
    f.put("trigger_id", slack.newTrigger());
    return delivery.command(f);
  }

  /**
   * Submits {@code view} as Slack would: each input's typed value from {@code typed} (block id to
   * text or option value), else what the input showed at first.
   */
  public Delivery.Ack submit(JsonNode view, Map<String, String> typed) throws Exception {
    ObjectNode values = FakeSlack.JSON.createObjectNode();
    for (JsonNode block : view.path("blocks")) {
      if (!block.path("type").asText().equals("input")) {
        continue;
      }
      JsonNode element = block.path("element");
      String blockId = block.path("block_id").asText();
      ObjectNode value =
          FakeSlack.JSON.createObjectNode().put("type", element.path("type").asText());
      String given = typed.get(blockId);
      if (element.path("type").asText().equals("static_select")) {
        String chosen =
            given != null ? given : element.path("initial_option").path("value").asText(null);
        if (chosen != null) {
          value
              .putObject("selected_option")
              .put("value", chosen)
              .putObject("text")
              .put("type", "plain_text")
              .put("text", chosen);
        } else {
          value.putNull("selected_option");
        }
      } else {
        String text = given != null ? given : element.path("initial_value").asText(null);
        if (text == null) {
          value.putNull("value");
        } else {
          value.put("value", text);
        }
      }
      values.putObject(blockId).set(element.path("action_id").asText(), value);
    }
    ObjectNode v = view.deepCopy();
    v.putObject("state").set("values", values);
    ObjectNode payload = base("view_submission");
    payload.set("view", v);
    payload.putArray("response_urls");
    return delivery.interactive(payload);
  }

  /** Clicks the button {@code actionId} of a message the bot posted. */
  public Delivery.Ack click(FakeSlack.Posted message, String actionId) throws Exception {
    ObjectNode payload = base("block_actions");
    payload
        .putObject("container")
        .put("type", "message")
        .put("message_ts", message.ts)
        .put("channel_id", message.channel)
        .put("is_ephemeral", false);
    payload.putObject("channel").put("id", message.channel).put("name", "ops");
    ObjectNode m = payload.putObject("message").put("type", "message").put("ts", message.ts);
    m.set("blocks", message.blocks());
    payload.put("response_url", slack.responseUrl());
    return clickOn(payload, message.blocks(), actionId);
  }

  /** Clicks a button in a private answer (sent to a response URL), in {@code channel}. */
  public Delivery.Ack click(FakeSlack.Responded answer, String channel, String actionId)
      throws Exception {
    ObjectNode payload = base("block_actions");
    payload
        .putObject("container")
        .put("type", "message")
        .put("channel_id", channel)
        .put("is_ephemeral", true);
    payload.putObject("channel").put("id", channel).put("name", "ops");
    payload.put("response_url", slack.responseUrl());
    return clickOn(payload, answer.body().path("blocks"), actionId);
  }

  private Delivery.Ack clickOn(ObjectNode payload, JsonNode blocks, String actionId)
      throws Exception {
    for (JsonNode block : blocks) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("action_id").asText().equals(actionId)) {
          ObjectNode action = payload.putArray("actions").addObject();
          action
              .put("type", "button")
              .put("action_id", actionId)
              .put("block_id", block.path("block_id").asText())
              .put("value", e.path("value").asText())
              .put("action_ts", "1700000000.000001");
          action.set("text", e.path("text"));
          return delivery.interactive(payload);
        }
      }
    }
    throw new AssertionError("no button " + actionId + " in " + blocks);
  }

  private ObjectNode base(String type) {
    ObjectNode p = FakeSlack.JSON.createObjectNode();
    p.put("type", type).put("token", "legacy-verification").put("api_app_id", "A0FAKE");
    p.put("trigger_id", slack.newTrigger());
    p.putObject("team").put("id", FakeSlack.TEAM).put("domain", "fake");
    p.putObject("user")
        .put("id", id)
        .put("username", name)
        .put("name", name)
        .put("team_id", FakeSlack.TEAM);
    return p;
  }
}
