package dev.trunkbot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.trunkbot.service.ApprovalPolicy;
import dev.trunkbot.service.RunSummary;
import java.util.List;
import java.util.function.Function;

/**
 * {@code /trunk rollback RUN} and {@code /trunk cancel RUN}: answers privately with what will
 * happen to the run and a button behind a confirm dialog. The click does it; the service decides
 * who may.
 */
final class ConfirmedRunCommand implements Subcommand {
  /** What the command does to a run, in words, and its button. */
  record Action(
      String name,
      String buttonId,
      String verb,
      boolean approversOnly,
      String what,
      Function<RunSummary, String> consequence) {}

  static final Action ROLLBACK =
      new Action(
          "rollback",
          Ids.ROLLBACK,
          "Roll back",
          true,
          "It undoes, in reverse order, what this run created on Twilio and PortSIP; what existed"
              + " before it is left alone.",
          run ->
              "Twilio and PortSIP resources this run created for "
                  + Mrkdwn.escape(run.trunk())
                  + " will be deleted; calls on this trunk stop.");

  static final Action CANCEL =
      new Action(
          "cancel",
          Ids.CANCEL,
          "Stop",
          false,
          "It stops the run where it stands: steps under way finish, the others do not start. What"
              + " it made stays until `/trunk rollback` undoes it. (The requester or an approver"
              + " may.)",
          run ->
              "Run " + run.id() + " of " + Mrkdwn.escape(run.trunk()) + " stops where it stands.");

  private final Bot bot;
  private final Action action;

  ConfirmedRunCommand(Bot bot, Action action) {
    this.bot = bot;
    this.action = action;
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
                      "Give one run id: `/trunk "
                          + action.name()
                          + " RUN` (`/trunk list` shows them)."))));
    }
    boolean queued =
        bot.work()
            .submit(
                "/trunk " + action.name(),
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
      return new Message(action.verb(), List.of(Kit.section("error", Failures.forUser(e))));
    }
    if (action.approversOnly()
        && bot.service().policy().mayRollback(inv.actor())
            instanceof ApprovalPolicy.Verdict.Refused r) {
      return new Message(
          action.verb() + " refused", List.of(Kit.section("refused", Mrkdwn.escape(r.reason()))));
    }
    String what =
        action.verb()
            + " run "
            + Mrkdwn.code(run.id())
            + " of trunk *"
            + Mrkdwn.escape(run.trunk())
            + "* ("
            + Mrkdwn.code(run.terminationUri())
            + ", "
            + Labels.run(run.state())
            + ")? "
            + action.what();
    return new Message(
        action.verb() + " run " + run.id() + "?",
        List.of(
            Kit.section("what", what),
            Kit.actions(
                action.name(),
                Kit.confirmed(
                    Kit.button(action.buttonId(), action.verb(), run.id(), "danger"),
                    action.verb() + " this run?",
                    action.consequence().apply(run),
                    action.verb()))));
  }
}
