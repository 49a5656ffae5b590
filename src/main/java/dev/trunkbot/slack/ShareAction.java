package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/** Share in channel, under a private answer: the same answer, read again, for everyone. */
final class ShareAction extends ButtonAction {
  ShareAction(Bot bot) {
    super(bot, "share");
  }

  @Override
  Kind kind() {
    return Kind.READS_VENDORS;
  }

  @Override
  String act(Click click, ActionContext ctx) throws java.io.IOException {
    Message answer =
        click.value().startsWith("status ")
            ? StatusCommand.answer(
                bot.service(), click.value().substring("status ".length()), false)
            : ListCommand.answer(bot.service(), false);
    List<LayoutBlock> blocks = new ArrayList<>(answer.blocks());
    blocks.add(Kit.context("shared-by", "Shared by " + Mrkdwn.who(click.actor())));
    bot.say().shared(click.responseUrl(), new Message(answer.text(), blocks));
    return null;
  }
}
