package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.trunkbot.service.ApprovalPolicy;
import dev.trunkbot.service.RunSummary;
import java.util.List;

/**
 * Reject in an approval request: asks the reason in a modal (those who may not decide are told
 * privately who may, and no modal opens).
 */
final class RejectAction extends ButtonAction {
  static final String REASON = "reason";

  RejectAction(Bot bot) {
    super(bot, "reject");
  }

  @Override
  Kind kind() {
    return Kind.CALLS_SLACK;
  }

  @Override
  String act(Click click, ActionContext ctx) throws Exception {
    RunSummary run = bot.service().run(click.value());
    if (bot.service().policy().mayDecide(click.actor(), run.requester(), false)
        instanceof ApprovalPolicy.Verdict.Refused r) {
      return ":no_entry: " + Mrkdwn.escape(r.reason());
    }
    View view = view(new Metadata(click.channel(), click.responseUrl(), run.id()), run);
    var opened = ctx.client().viewsOpen(v -> v.triggerId(click.triggerId()).view(view));
    return opened.isOk()
        ? null
        : "Slack did not open the form (" + opened.getError() + "); try again.";
  }

  static View view(Metadata metadata, RunSummary run) {
    return View.builder()
        .type("modal")
        .callbackId(Ids.REJECT_VIEW)
        .title(ViewTitle.builder().type("plain_text").text("Reject the DIDs").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Reject").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .privateMetadata(metadata.encode())
        .blocks(
            List.of(
                Kit.section(
                    "what",
                    "Reject routing DIDs to trunk " + Mrkdwn.code(run.terminationUri()) + "?"),
                InputBlock.builder()
                    .blockId(REASON)
                    .label(Kit.plain("Reason (the requester sees it)", 2_000))
                    .element(
                        PlainTextInputElement.builder()
                            .actionId(TrunkForm.ACTION)
                            .multiline(true)
                            .maxLength(1_000)
                            .build())
                    .build()))
        .build();
  }
}
