package dev.trunkbot.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Slack's Block Kit limits, as Slack enforces them: 50 blocks a message, 100 a view, 3,000
 * characters a section text, 10 fields of 2,000, unique block ids, and the smaller limits of
 * buttons, inputs and views. Answers what is wrong; empty when nothing is.
 */
final class BlockKitRules {
  static final int MESSAGE_BLOCKS = 50;
  static final int VIEW_BLOCKS = 100;

  private BlockKitRules() {}

  static List<String> message(JsonNode blocks) {
    return blocks(blocks, MESSAGE_BLOCKS);
  }

  static List<String> view(JsonNode view) {
    List<String> out = new ArrayList<>(blocks(view.path("blocks"), VIEW_BLOCKS));
    max(out, "view title", view.path("title").path("text").asText(""), 24);
    max(out, "view submit", view.path("submit").path("text").asText(""), 24);
    max(out, "view close", view.path("close").path("text").asText(""), 24);
    max(out, "private_metadata", view.path("private_metadata").asText(""), 3_000);
    max(out, "callback_id", view.path("callback_id").asText(""), 255);
    if (view.path("title").path("text").asText("").isEmpty()) {
      out.add("a view needs a title");
    }
    return out;
  }

  private static List<String> blocks(JsonNode blocks, int limit) {
    List<String> out = new ArrayList<>();
    if (blocks.isMissingNode() || blocks.isNull()) {
      return out;
    }
    if (blocks.size() > limit) {
      out.add(blocks.size() + " blocks, more than " + limit);
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode b : blocks) {
      String id = b.path("block_id").asText("");
      if (!id.isEmpty() && !ids.add(id)) {
        out.add("block_id '" + id + "' used twice");
      }
      max(out, "block_id", id, 255);
      block(out, b);
    }
    return out;
  }

  private static void block(List<String> out, JsonNode b) {
    String type = b.path("type").asText();
    switch (type) {
      case "section" -> {
        max(out, "section text", b.path("text").path("text").asText(""), 3_000);
        if (b.path("fields").size() > 10) {
          out.add("section with " + b.path("fields").size() + " fields, more than 10");
        }
        b.path("fields").forEach(f -> max(out, "section field", f.path("text").asText(""), 2_000));
        if (b.path("text").isMissingNode() && b.path("fields").isMissingNode()) {
          out.add("section without text or fields");
        }
      }
      case "context" -> {
        if (b.path("elements").size() > 10 || b.path("elements").isEmpty()) {
          out.add("context with " + b.path("elements").size() + " elements (1-10)");
        }
        b.path("elements").forEach(e -> max(out, "context text", e.path("text").asText(""), 3_000));
      }
      case "actions" -> {
        if (b.path("elements").size() > 25 || b.path("elements").isEmpty()) {
          out.add("actions with " + b.path("elements").size() + " elements (1-25)");
        }
        Set<String> actionIds = new HashSet<>();
        for (JsonNode e : b.path("elements")) {
          element(out, e);
          if (!actionIds.add(e.path("action_id").asText(""))) {
            out.add("action_id '" + e.path("action_id").asText() + "' used twice in one block");
          }
        }
      }
      case "input" -> {
        max(out, "input label", b.path("label").path("text").asText(""), 2_000);
        max(out, "input hint", b.path("hint").path("text").asText(""), 2_000);
        if (b.path("element").isMissingNode()) {
          out.add("input without element");
        }
        element(out, b.path("element"));
      }
      case "header" -> max(out, "header", b.path("text").path("text").asText(""), 150);
      case "divider" -> {}
      default -> out.add("block type '" + type + "' not expected here");
    }
  }

  private static void element(List<String> out, JsonNode e) {
    max(out, "action_id", e.path("action_id").asText(""), 255);
    if (e.path("type").asText().equals("button")) {
      max(out, "button text", e.path("text").path("text").asText(""), 75);
      max(out, "button value", e.path("value").asText(""), 2_000);
    }
    max(out, "placeholder", e.path("placeholder").path("text").asText(""), 150);
    if (e.path("options").size() > 100) {
      out.add("select with more than 100 options");
    }
    e.path("options")
        .forEach(o -> max(out, "option text", o.path("text").path("text").asText(""), 75));
  }

  private static void max(List<String> out, String what, String text, int max) {
    if (text.length() > max) {
      out.add(what + " of " + text.length() + " characters, more than " + max);
    }
  }
}
