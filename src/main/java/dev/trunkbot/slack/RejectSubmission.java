package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.trunkbot.service.Actor;
import java.util.Map;
import java.util.Optional;

/** The reason modal's submission: rejects the run with that reason, stored before the ack. */
final class RejectSubmission implements ViewSubmissionHandler {
  private final Bot bot;

  RejectSubmission(Bot bot) {
    this.bot = bot;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var payload = req.getPayload();
    String reason = reason(payload.getView().getState());
    if (reason.isBlank()) {
      return ctx.ackWithErrors(
          Map.of(RejectAction.REASON, "Say why, so the requester knows what to change."));
    }
    Metadata md = Metadata.decode(payload.getView().getPrivateMetadata());
    var user = payload.getUser();
    Actor actor =
        Actor.slack(user.getId(), user.getUsername() != null ? user.getUsername() : user.getName());
    Click click = new Click(actor, md.runId(), md.channel(), md.responseUrl(), "");
    bot.work()
        .decide(
            "reject",
            () -> ApproveAction.say(bot.service().reject(md.runId(), actor, reason.strip())),
            text -> click.tell(bot, text));
    return ctx.ack();
  }

  private static String reason(ViewState state) {
    return Optional.ofNullable(state)
        .map(ViewState::getValues)
        .map(v -> v.get(RejectAction.REASON))
        .map(v -> v.get(TrunkForm.ACTION))
        .map(ViewState.Value::getValue)
        .orElse("");
  }
}
