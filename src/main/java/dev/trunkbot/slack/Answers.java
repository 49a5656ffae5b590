package dev.trunkbot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.trunkbot.service.PlanSummary;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.TrunkReport;
import java.util.ArrayList;
import java.util.List;

/** The private answers to {@code /trunk help|list|status|plan}. */
final class Answers {
  private Answers() {}

  static Message help(String unknown, boolean sandbox) {
    String intro =
        unknown.isEmpty()
            ? "*trunkbot* builds a Twilio Elastic SIP trunk for a PortSIP PBX, step by step, with an"
                + " approval before DIDs are routed."
            : "I don't know `/trunk "
                + Mrkdwn.escape(Mrkdwn.cut(unknown, 50))
                + "`. Here is what I do:";
    String commands =
        String.join(
            "\n",
            "`/trunk create` opens a form; the run's status is posted here and kept up to date",
            "`/trunk plan` the same form; answers with what a run would create or change",
            "`/trunk status [TRUNK|RUN]` a run, or a trunk's latest run and whether Twilio and PortSIP still match it",
            "`/trunk list` recent runs",
            "`/trunk rollback RUN` undoes what a run made (approvers only)",
            "`/trunk cancel RUN` stops a running or waiting run where it stands (its requester or an approver)",
            "`/trunk help` this");
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Kit.section("intro", intro));
    blocks.add(Kit.section("commands", commands));
    blocks.add(
        Kit.context(
            "note",
            (sandbox ? ":test_tube: SANDBOX: Twilio and PortSIP are emulators. " : "")
                + "Approve, Reject and Retry are buttons in each run's thread."));
    return new Message("trunkbot help", blocks);
  }

  static Message list(List<RunSummary> runs, boolean sandbox, boolean shareable) {
    List<String> lines = new ArrayList<>();
    for (RunSummary r : runs) {
      lines.add(
          Labels.runEmoji(r.state())
              + " *"
              + Mrkdwn.escape(r.trunk())
              + "* "
              + Mrkdwn.code(r.terminationUri())
              + " — "
              + Labels.run(r.state())
              + " · DIDs "
              + StatusMessage.didProgress(r)
              + " · "
              + Mrkdwn.who(r.requester())
              + " · "
              + Mrkdwn.when(r.createdAt())
              + " · run "
              + Mrkdwn.code(r.id()));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        Kit.section(
            "title",
            (sandbox ? ":test_tube: *SANDBOX* · " : "")
                + (runs.isEmpty() ? "No runs yet: `/trunk create` starts one." : "*Recent runs*")));
    blocks.addAll(Kit.sections("runs-", lines, 40));
    share(blocks, shareable, "list");
    return new Message(runs.size() + " recent runs", blocks);
  }

  /** One run, as its status message shows it, plus Share. */
  static Message run(RunSummary run, boolean shareable) {
    List<LayoutBlock> blocks = new ArrayList<>(StatusMessage.render(run).blocks());
    share(blocks, shareable, "status " + run.id());
    return new Message(StatusMessage.render(run).text(), blocks);
  }

  static Message trunk(TrunkReport report, boolean shareable) {
    RunSummary run = report.latestRun();
    List<LayoutBlock> blocks = new ArrayList<>(StatusMessage.render(run).blocks());
    String drift;
    if (report.driftUnknown().isPresent()) {
      drift =
          ":grey_question: Could not compare with Twilio and PortSIP: "
              + Mrkdwn.escape(report.driftUnknown().get());
    } else if (report.inSync()) {
      drift = ":white_check_mark: Twilio and PortSIP still hold what this run asked for.";
    } else {
      drift =
          ":warning: *Drift:* Twilio and PortSIP differ from what this run asked for:\n"
              + String.join(
                  "\n",
                  report.drift().map(PlanSummary::differences).orElse(List.of()).stream()
                      .map(l -> "• " + Mrkdwn.escape(l.toString()))
                      .limit(30)
                      .toList());
    }
    blocks.add(Kit.section("drift", drift));
    share(blocks, shareable, "status " + report.query());
    return new Message("Status of trunk " + run.trunk(), blocks);
  }

  static Message plan(PlanSummary plan, String trunk) {
    List<String> lines = new ArrayList<>();
    for (PlanSummary.Line l : plan.lines()) {
      lines.add(
          mark(l.change())
              + " "
              + l.side()
              + " *"
              + l.change().name().toLowerCase(java.util.Locale.ROOT)
              + "* "
              + Mrkdwn.escape(l.resource())
              + (l.detail().isEmpty() ? "" : ": " + Mrkdwn.escape(l.detail())));
    }
    String title =
        (plan.sandbox() ? ":test_tube: *SANDBOX* · " : "")
            + "*Plan for trunk "
            + Mrkdwn.escape(trunk)
            + "*: "
            + plan.count(PlanSummary.Change.CREATE)
            + " to create, "
            + plan.count(PlanSummary.Change.UPDATE)
            + " to correct, "
            + plan.count(PlanSummary.Change.NONE)
            + " as asked"
            + (plan.blocked() ? ", *" + plan.count(PlanSummary.Change.BLOCKED) + " blocked*" : "")
            + ". Nothing was changed.";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Kit.section("title", title));
    blocks.addAll(Kit.sections("plan-", lines, 45));
    return new Message("Plan for trunk " + trunk, blocks);
  }

  private static void share(List<LayoutBlock> blocks, boolean shareable, String query) {
    if (shareable && query.length() <= 1_000) {
      blocks.add(Kit.actions("share", Kit.button(Ids.SHARE, "Share in channel", query, null)));
    }
  }

  private static String mark(PlanSummary.Change change) {
    return switch (change) {
      case CREATE -> ":heavy_plus_sign:";
      case UPDATE -> ":pencil2:";
      case NONE -> ":white_check_mark:";
      case EXTRA -> ":heavy_minus_sign:";
      case BLOCKED -> ":no_entry:";
    };
  }
}
