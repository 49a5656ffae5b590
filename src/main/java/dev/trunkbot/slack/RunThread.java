package dev.trunkbot.slack;

import dev.trunkbot.service.Actor;
import dev.trunkbot.service.ApprovalSummary;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.StepStatus;
import dev.trunkbot.service.TrunkService;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one run's Slack message and thread up to date with its summary: posts the status message
 * once, then edits it; replies once for each thing that needs eyes. What was posted is noted with
 * the run (its ts), so a repeated event, or another process after a restart, posts nothing twice.
 */
final class RunThread {
  static final String TS = "slack.ts";

  /** When the status message was last edited (epoch ms), so that pacing holds across restarts. */
  static final String EDITED = "slack.edited";

  static final String APPROVAL_TS = "slack.approval.ts";
  static final String APPROVAL_STATE = "slack.approval.state";
  static final String FAILURE = "slack.failure";
  static final String REPLY = "slack.reply.";
  private static final Logger LOG = LoggerFactory.getLogger(RunThread.class);

  private final TrunkService service;
  private final Poster poster;

  RunThread(TrunkService service, Poster poster) {
    this.service = service;
    this.poster = poster;
  }

  /** What a sync did to the status message. */
  enum Edit {
    NOT_OURS,
    POSTED,
    EDITED,
    UNCHANGED
  }

  /**
   * Syncs {@code run}; {@code lastDrawn} is what the status message last showed (0 when unknown).
   */
  Edit sync(RunSummary run, int lastDrawn, java.util.function.IntConsumer drawn)
      throws IOException, Poster.RateLimited {
    Map<String, String> notes = new HashMap<>(run.notes());
    String channel = notes.getOrDefault(FormSubmission.CHANNEL_NOTE, "");
    String ts = notes.get(TS);
    if (channel.isEmpty() || (ts != null && ts.startsWith("-"))) {
      return Edit.NOT_OURS;
    }
    Message status = StatusMessage.render(run);
    Edit edit = Edit.UNCHANGED;
    try {
      if (ts == null) {
        ts = poster.post(channel, null, status);
        note(run, notes, TS, ts);
        edit = Edit.POSTED;
      } else if (status.hashCode() != lastDrawn) {
        poster.update(channel, ts, status);
        edit = Edit.EDITED;
      }
      if (edit != Edit.UNCHANGED) {
        note(run, notes, EDITED, Long.toString(System.currentTimeMillis()));
      }
      drawn.accept(status.hashCode());
    } catch (Poster.Refused r) {
      unpostable(run, channel, r.error);
      return Edit.NOT_OURS;
    }
    replies(run, channel, ts, notes);
    return edit;
  }

  private void replies(RunSummary run, String channel, String ts, Map<String, String> notes)
      throws IOException, Poster.RateLimited {
    try {
      if (run.approval().isPresent()) {
        approval(run, run.approval().get(), channel, ts, notes);
      }
      if (run.state() == RunStatus.FAILED) {
        String failure = fingerprint(run);
        if (!failure.equals(notes.get(FAILURE))) {
          poster.post(channel, ts, Replies.failure(run));
          note(run, notes, FAILURE, failure);
        }
      }
      Message last =
          switch (run.state()) {
            case SUCCEEDED -> Replies.summary(run);
            case ROLLED_BACK -> Replies.rollback(run);
            case CANCELLED -> Replies.cancelled(run);
            default -> null;
          };
      if (last != null && !notes.containsKey(REPLY + run.state())) {
        note(run, notes, REPLY + run.state(), poster.post(channel, ts, last));
      }
    } catch (Poster.Refused r) {
      LOG.warn("Slack refused a reply in the thread of run {}: {}", run.id(), r.error);
    }
  }

  private void approval(
      RunSummary run, ApprovalSummary a, String channel, String ts, Map<String, String> notes)
      throws IOException, Poster.RateLimited, Poster.Refused {
    String requestTs = notes.get(APPROVAL_TS);
    if (a.state() == ApprovalSummary.State.PENDING && requestTs == null) {
      note(run, notes, APPROVAL_TS, poster.post(channel, ts, ApprovalRequest.render(run, a)));
      note(run, notes, APPROVAL_STATE, a.state().name());
    } else if (requestTs != null && !a.state().name().equals(notes.get(APPROVAL_STATE))) {
      poster.update(channel, requestTs, ApprovalRequest.render(run, a));
      note(run, notes, APPROVAL_STATE, a.state().name());
    }
  }

  /** Which steps failed at which attempt: a new failure after a retry gets a reply of its own. */
  private static String fingerprint(RunSummary run) {
    String steps =
        run.steps().stream()
            .filter(s -> s.state() == StepStatus.FAILED)
            .map(s -> s.id() + "#" + s.attempts())
            .collect(Collectors.joining(","));
    return steps.isEmpty() ? "run@" + run.updatedAt().toEpochMilli() : steps;
  }

  private void note(RunSummary run, Map<String, String> notes, String key, String value) {
    service.note(run.id(), key, value);
    notes.put(key, value);
  }

  /** Not in the channel, or it is gone: say so to the requester directly, once. */
  private void unpostable(RunSummary run, String channel, String error) {
    LOG.warn("cannot post the status of run {} in {}: {}", run.id(), channel, error);
    service.note(run.id(), TS, "-" + error);
    Actor requester = run.requester();
    if (requester.source() != Actor.Source.SLACK) {
      return;
    }
    String text =
        "I could not post the status of run "
            + Mrkdwn.code(run.id())
            + " (trunk "
            + Mrkdwn.code(run.terminationUri())
            + ") in <#"
            + channel
            + "> (Slack said "
            + Mrkdwn.escape(error)
            + "). Invite me there with `/invite @trunkbot` for the next run; `/trunk status "
            + run.id()
            + "` shows this one.";
    try {
      poster.post(
          requester.id(), null, new Message(text, java.util.List.of(Kit.section("dm", text))));
    } catch (Exception e) {
      LOG.warn("could not tell {} either: {}", requester.id(), Failures.describe(e));
    }
  }
}
