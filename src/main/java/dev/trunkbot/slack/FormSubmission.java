package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.trunkbot.service.Actor;
import dev.trunkbot.service.CreateOptions;
import dev.trunkbot.service.CreateOutcome;
import dev.trunkbot.service.Validation;
import dev.trunkbot.trunk.TrunkSpec;
import java.util.Map;

/**
 * The create (or plan) form's submission. The domain's rules check it inside the ack: every problem
 * goes under its own input and nothing starts. A valid one starts the run before the form closes
 * (its status message is the status board's to post), or closes it and then reads and answers the
 * plan privately. A double submission starts one run: the service returns the run already started.
 */
final class FormSubmission implements ViewSubmissionHandler {
  static final String CHANNEL_NOTE = "slack.channel";
  private final Bot bot;
  private final boolean plan;

  FormSubmission(Bot bot, boolean plan) {
    this.bot = bot;
    this.plan = plan;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var payload = req.getPayload();
    Validation validation = bot.service().validate(FormInput.draft(payload.getView().getState()));
    if (!validation.valid()) {
      return ctx.ackWithErrors(FormProblems.errors(validation.problems()));
    }
    TrunkSpec spec = validation.spec().orElseThrow();
    Metadata md = Metadata.decode(payload.getView().getPrivateMetadata());
    var user = payload.getUser();
    Actor actor =
        Actor.slack(user.getId(), user.getUsername() != null ? user.getUsername() : user.getName());
    Click who = new Click(actor, "", md.channel(), md.responseUrl(), "");
    boolean queued =
        plan
            ? bot.work().slow("plan", () -> plan(spec, who).run())
            : bot.work().decide("create", () -> create(spec, who), text -> who.tell(bot, text));
    return queued
        ? ctx.ack()
        : ctx.ackWithErrors(
            Map.of(TrunkForm.NAME, "trunkbot is too busy right now: submit again in a minute."));
  }

  private Runnable plan(TrunkSpec spec, Click who) {
    return () -> {
      Message answer;
      try {
        answer = Answers.plan(bot.service().plan(spec), spec.name());
      } catch (RuntimeException e) {
        answer =
            new Message(
                "Plan failed", java.util.List.of(Kit.section("error", Failures.forUser(e))));
      }
      bot.say().privately(who.response(), who.channel(), who.actor().id(), answer);
    };
  }

  /** Starts the run (stored before the ack); returns the requester's private answer, if any. */
  private String create(TrunkSpec spec, Click who) {
    CreateOutcome outcome =
        bot.service()
            .create(
                spec, who.actor(), new CreateOptions(false, Map.of(CHANNEL_NOTE, who.channel())));
    if (outcome instanceof CreateOutcome.AlreadyStarted a) {
      return "You already started this: run "
          + Mrkdwn.code(a.run().id())
          + " of trunk "
          + Mrkdwn.code(a.run().terminationUri())
          + " is "
          + Labels.run(a.run().state())
          + "; nothing was started twice.";
    } else if (outcome instanceof CreateOutcome.Refused r) {
      return ":no_entry: Nothing was started: " + Mrkdwn.escape(r.reason());
    }
    return null;
  }
}
