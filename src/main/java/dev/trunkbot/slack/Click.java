package dev.trunkbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.trunkbot.service.Actor;
import java.util.Optional;

/** One button click: who, the button's value (a run id or a query), where, how to answer. */
record Click(Actor actor, String value, String channel, String responseUrl, String triggerId) {
  static Click of(BlockActionPayload p) {
    String name =
        p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName();
    String value =
        p.getActions() == null
                || p.getActions().isEmpty()
                || p.getActions().get(0).getValue() == null
            ? ""
            : p.getActions().get(0).getValue();
    return new Click(
        Actor.slack(p.getUser().getId(), name),
        value,
        p.getChannel() == null || p.getChannel().getId() == null ? "" : p.getChannel().getId(),
        p.getResponseUrl() == null ? "" : p.getResponseUrl(),
        p.getTriggerId() == null ? "" : p.getTriggerId());
  }

  Optional<String> response() {
    return responseUrl.isEmpty() ? Optional.empty() : Optional.of(responseUrl);
  }

  /** Answers only the person who clicked. */
  void tell(Bot bot, String mrkdwn) {
    bot.say().privately(response(), channel, actor.id(), mrkdwn);
  }
}
