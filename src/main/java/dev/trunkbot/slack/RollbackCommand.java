package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.trunkbot.service.ApprovalPolicy;
import dev.trunkbot.service.RunSummary;
import java.util.List;

/**
 * {@code /trunk rollback RUN}: approvers only; answers privately with what will be undone and a
 * Roll back button behind a confirm dialog. The click does it.
 */
final class RollbackCommand implements Subcommand {
  private final Bot bot;

  RollbackCommand(Bot bot) {
    this.bot = bot;
  }

  @Override
  public Response handle(Invocation inv, SlashCommandContext ctx) {
    if (inv.arg().isEmpty() || inv.arg().contains(" ")) {
      return Subcommand.privately(
          ctx,
          new Message(
              "Usage",
              List.of(
                  Kit.section(
                      "usage",
                      "Give one run id: `/trunk rollback RUN` (`/trunk list` shows them)."))));
    }
    boolean queued =
        bot.work()
            .submit(
                "/trunk rollback",
                () ->
                    bot.say()
                        .privately(inv.response(), inv.channel(), inv.actor().id(), answer(inv)));
    return queued ? ctx.ack() : Subcommand.busy(ctx);
  }

  private Message answer(Invocation inv) {
    RunSummary run;
    try {
      run = bot.service().run(inv.arg());
    } catch (RuntimeException e) {
      return new Message("Rollback", List.of(Kit.section("error", Failures.forUser(e))));
    }
    if (bot.service().policy().mayRollback(inv.actor())
        instanceof ApprovalPolicy.Verdict.Refused r) {
      return new Message(
          "Rollback refused", List.of(Kit.section("refused", Mrkdwn.escape(r.reason()))));
    }
    String what =
        "Roll back run "
            + Mrkdwn.code(run.id())
            + " of trunk *"
            + Mrkdwn.escape(run.trunk())
            + "* ("
            + Mrkdwn.code(run.terminationUri())
            + ", "
            + Labels.run(run.state())
            + ")? It undoes, in reverse order, what this run created on Twilio and PortSIP;"
            + " what existed before it is left alone.";
    return new Message(
        "Roll back run " + run.id() + "?",
        List.of(
            Kit.section("what", what),
            Kit.actions(
                "rollback",
                Kit.confirmed(
                    Kit.button(Ids.ROLLBACK, "Roll back", run.id(), "danger"),
                    "Roll back this run?",
                    "Twilio and PortSIP resources this run created for "
                        + Mrkdwn.escape(run.trunk())
                        + " will be deleted; calls on this trunk stop.",
                    "Roll back"))));
  }
}
