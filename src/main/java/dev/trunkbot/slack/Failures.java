package dev.trunkbot.slack;

import com.slack.api.methods.SlackApiException;
import dev.trunkbot.service.NoSuchRunException;
import dev.trunkbot.service.ServiceUnavailableException;
import dev.trunkbot.trunk.InvalidInputException;

/** What went wrong, in one line a person can act on; never a stack trace. */
final class Failures {
  private Failures() {}

  static String describe(Throwable e) {
    if (e instanceof SlackApiException s) {
      return "Slack answered "
          + s.getResponse().code()
          + (s.getError() != null ? " (" + s.getError().getError() + ")" : "");
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    return e.getClass().getSimpleName()
        + (message.isEmpty() ? "" : ": " + Mrkdwn.cut(message, 300));
  }

  /** For a user: the service's own words where it has them, a plain apology otherwise. */
  static String forUser(Throwable e) {
    if (e instanceof NoSuchRunException
        || e instanceof ServiceUnavailableException
        || e instanceof InvalidInputException
        || e instanceof IllegalArgumentException) {
      return Mrkdwn.cut(e.getMessage() == null ? "that did not work" : e.getMessage(), 1_500);
    }
    return "Something went wrong on trunkbot's side ("
        + e.getClass().getSimpleName()
        + "); the operator's log has the details. Nothing was lost: try again in a moment.";
  }
}
