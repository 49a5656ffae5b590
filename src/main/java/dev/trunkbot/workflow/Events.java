package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading the event table: batches after an id, decoded into {@link WorkflowEvent}s. */
final class Events {
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  /** One stored event and its id (the position a cursor remembers). */
  record Stored(long id, WorkflowEvent event) {}

  private Events() {}

  /** The events after {@code afterId}, oldest first, at most {@code max}. */
  static List<Stored> after(Jdbc jdbc, long afterId, int max) {
    return jdbc.query(
        "SELECT id, run_id, seq, type, step_id, at, payload_json FROM wf_event WHERE id > ?"
            + " ORDER BY id FETCH FIRST "
            + max
            + " ROWS ONLY",
        rs ->
            new Stored(
                rs.getLong(1),
                decode(
                    new RunId(rs.getString(2)),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getLong(6),
                    Json.read(rs.getString(7)))),
        afterId);
  }

  /** The id of the newest event given out so far (0 when none). */
  static long lastId(Jdbc jdbc) {
    return jdbc.query("SELECT last_id FROM wf_event_seq WHERE id = 1", rs -> rs.getLong(1)).get(0);
  }

  /** Hands an event to a listener; a throw is logged and does not stop delivery. */
  static void deliver(WorkflowListener listener, WorkflowEvent event) {
    try {
      listener.onEvent(event);
    } catch (Exception | LinkageError e) {
      LOG.warn(
          "listener {} failed on event {} ({}): {}",
          listener.getClass().getName(),
          event.id(),
          event.getClass().getSimpleName(),
          e.toString());
    }
  }

  static WorkflowEvent decode(
      RunId run, long seq, String type, String stepId, long atMillis, JsonNode p) {
    Instant at = Instant.ofEpochMilli(atMillis);
    return switch (type) {
      case "StepStarted" ->
          new WorkflowEvent.StepStarted(
              run, seq, at, stepId, p.path("title").asText(), p.path("attempt").asInt());
      case "StepSucceeded" ->
          new WorkflowEvent.StepSucceeded(run, seq, at, stepId, p.path("title").asText());
      case "StepFailed" ->
          new WorkflowEvent.StepFailed(
              run,
              seq,
              at,
              stepId,
              p.path("title").asText(),
              p.path("attempt").asInt(),
              p.path("error").asText(),
              p.path("willRetry").asBoolean());
      case "WaitingForApproval" ->
          new WorkflowEvent.WaitingForApproval(
              run,
              seq,
              at,
              stepId,
              p.path("title").asText(),
              p.path("requester").asText(),
              p.path("request").asText(p.path("title").asText()));
      case "ApprovalDecided" ->
          new WorkflowEvent.ApprovalDecided(
              run, seq, at, stepId, p.path("decision").asText(), p.path("by").asText());
      case "Progress" ->
          new WorkflowEvent.Progress(
              run,
              seq,
              at,
              stepId,
              p.path("done").asInt(),
              p.path("total").asInt(),
              p.path("note").asText(""));
      case "StepUndone" ->
          new WorkflowEvent.StepUndone(run, seq, at, stepId, p.path("title").asText());
      case "RunFinished" ->
          new WorkflowEvent.RunFinished(
              run,
              seq,
              at,
              RunState.valueOf(p.path("state").asText()),
              p.path("error").isNull() ? "" : p.path("error").asText(""));
      default -> throw new IllegalStateException("unknown event type " + type);
    };
  }
}
