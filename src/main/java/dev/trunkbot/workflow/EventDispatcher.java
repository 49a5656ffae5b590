package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers persisted events to listeners from the event table, oldest first, then marks them
 * delivered (at least once: a crash between delivery and marking redelivers; ids are stable).
 */
final class EventDispatcher implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
  private final Jdbc jdbc;
  private final List<WorkflowListener> listeners;
  private final long pollMillis;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean pending;
  private volatile boolean running = true;

  EventDispatcher(Jdbc jdbc, List<WorkflowListener> listeners, long pollMillis) {
    this.jdbc = jdbc;
    this.listeners = List.copyOf(listeners);
    this.pollMillis = pollMillis;
  }

  void wake() {
    lock.lock();
    try {
      pending = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void stop() {
    running = false;
    wake();
  }

  @Override
  public void run() {
    while (running) {
      try {
        if (deliverBatch() == 0) {
          await();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("event delivery failed, retrying: {}", e.getMessage());
        try {
          Thread.sleep(pollMillis);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private void await() throws InterruptedException {
    lock.lock();
    try {
      if (!pending && running) {
        wake.await(pollMillis, TimeUnit.MILLISECONDS);
      }
      pending = false;
    } finally {
      lock.unlock();
    }
  }

  int deliverBatch() {
    List<Object[]> rows =
        jdbc.query(
            "SELECT id, run_id, seq, type, step_id, at, payload_json FROM wf_event"
                + " WHERE delivered = ? ORDER BY id",
            rs ->
                new Object[] {
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getLong(6),
                  rs.getString(7)
                },
            false);
    for (Object[] r : rows) {
      WorkflowEvent event =
          decode(
              new RunId((String) r[1]),
              (Long) r[2],
              (String) r[3],
              (String) r[4],
              (Long) r[5],
              Json.read((String) r[6]));
      for (WorkflowListener l : listeners) {
        try {
          l.onEvent(event);
        } catch (Exception | LinkageError e) {
          LOG.warn(
              "listener {} failed on event {} ({}): {}",
              l.getClass().getName(),
              event.id(),
              r[3],
              e.toString());
        }
      }
      jdbc.inTx(c -> Jdbc.update(c, "UPDATE wf_event SET delivered = ? WHERE id = ?", true, r[0]));
    }
    return rows.size();
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
              run, seq, at, stepId, p.path("title").asText(), p.path("requester").asText());
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
