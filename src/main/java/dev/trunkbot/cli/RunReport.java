package dev.trunkbot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.service.ApprovalPolicy;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.StepStatus;
import dev.trunkbot.service.StepSummary;
import java.io.PrintWriter;

/** A run as one JSON document ({@code --json}) or a few lines for people. */
final class RunReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReport() {}

  /**
   * {"runId", "state", "sandbox", "trunk", "terminationUri", "requester", "error", "steps": [{"id",
   * "title", "state", "attempts", "created", "updated", "found", "progress", "error"}], "approval",
   * "resources"}
   */
  static ObjectNode json(RunSummary run) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("runId", run.id());
    doc.put("state", run.state().name());
    doc.put("sandbox", run.sandbox());
    doc.put("trunk", run.trunk());
    doc.put("terminationUri", run.terminationUri());
    doc.put("requester", run.requester().key());
    doc.put("createdAt", run.createdAt().toString());
    run.error().ifPresent(e -> doc.put("error", e));
    ArrayNode steps = doc.putArray("steps");
    for (StepSummary s : run.steps()) {
      ObjectNode step = steps.addObject();
      step.put("id", s.id());
      step.put("title", s.title());
      step.put("state", s.state().name());
      step.put("attempts", s.attempts());
      step.put("created", s.created());
      step.put("updated", s.updated());
      step.put("found", s.found());
      s.progress().ifPresent(p -> step.put("progress", p.toString()));
      if (s.error().isPresent()) {
        step.put("error", s.error().get());
      } else {
        step.putNull("error");
      }
    }
    run.approval()
        .ifPresent(
            a -> {
              ObjectNode approval = doc.putObject("approval");
              approval.put("step", a.stepId());
              approval.put("decision", a.state().name());
              approval.put("request", a.request());
              approval.put("decidedBy", a.decidedBy().map(x -> x.key()).orElse(null));
              approval.put("reason", a.reason().orElse(null));
            });
    ObjectNode res = doc.putObject("resources");
    res.put("trunkSid", run.resources().trunkSid().orElse(null));
    res.put("portsipTrunkId", run.resources().portsipTrunkId().orElse(null));
    res.put("dids", run.resources().dids());
    res.put("didCount", run.resources().didCount());
    ObjectNode pools = res.putObject("tenantPools");
    run.resources().tenantPools().forEach(pools::put);
    return doc;
  }

  static void printJson(PrintWriter out, JsonNode doc) {
    try {
      out.println(JSON.writeValueAsString(doc));
      out.flush();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a report always serializes", e);
    }
  }

  /** The run's outcome for people, with what to do next. */
  static void printSummary(PrintWriter out, RunSummary run, ApprovalPolicy policy) {
    out.println(
        (run.sandbox() ? "SANDBOX " : "")
            + "run "
            + run.id()
            + " ("
            + run.trunk()
            + ", "
            + run.terminationUri()
            + "): "
            + run.state()
            + run.error().map(e -> ": " + e).orElse(""));
    for (StepSummary s : run.steps()) {
      boolean counted = s.state() == StepStatus.SUCCEEDED;
      out.println(
          "  "
              + pad(s.state().name(), 16)
              + " "
              + s.title()
              + (counted
                  ? "  created " + s.created() + ", updated " + s.updated() + ", found " + s.found()
                  : s.progress().map(p -> "  " + p).orElse(""))
              + (s.state() == StepStatus.FAILED
                  ? s.error().map(e -> "\n" + indent(e)).orElse("")
                  : ""));
    }
    run.approval()
        .filter(a -> a.decidedBy().isPresent())
        .ifPresent(
            a ->
                out.println(
                    "  "
                        + a.state().name().toLowerCase(java.util.Locale.ROOT)
                        + " by "
                        + a.decidedBy().get()
                        + a.reason().map(r -> ": " + r).orElse("")));
    if (run.state() == RunStatus.WAITING_APPROVAL) {
      out.println(
          run.approval().map(a -> a.request() + ". ").orElse("")
              + "Approvers ("
              + policy.whoMayDecide()
              + ") run: trunkbot approve "
              + run.id()
              + "   (or: trunkbot reject "
              + run.id()
              + " --reason ...)");
    } else if (run.state() == RunStatus.FAILED) {
      out.println(
          "Fix the cause, then: trunkbot resume "
              + run.id()
              + "   (or undo what it made: trunkbot rollback "
              + run.id()
              + ")");
    }
    out.flush();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String indent(String text) {
    return "      " + text.replace("\n", "\n      ");
  }
}
