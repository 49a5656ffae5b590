package dev.trunkbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;

/** The one place that wires Bolt: middleware first, then one handler per command and action. */
final class SlackApp {
  private SlackApp() {}

  @SuppressWarnings(
      "deprecation") // verificationToken: set to null so the environment's is never used
  static App build(SlackConnection conn, Bot bot, BiConsumer<String, Duration> acks) {
    SlackSettings settings = conn.settings();
    AppConfig config =
        AppConfig.builder()
            .slack(conn.slack())
            .singleTeamBotToken(settings.botToken())
            .signingSecret(settings.signingSecret().orElse(null))
            .verificationToken(null)
            .clientId(null)
            .clientSecret(null)
            .redirectUri(null)
            .scope(null)
            .userScope(null)
            .build();
    App app = new App(config);
    app.use(new AckTimer(acks));
    app.use(new ChannelAllowList(settings.channels()));
    boolean sandbox = bot.service().sandbox();
    app.command(
        Ids.COMMAND,
        new TrunkCommand(
            Map.of(
                "create", new OpenForm(bot, false),
                "plan", new OpenForm(bot, true),
                "status", new StatusCommand(bot),
                "list", new ListCommand(bot),
                "rollback", new ConfirmedRunCommand(bot, ConfirmedRunCommand.ROLLBACK),
                "cancel", new ConfirmedRunCommand(bot, ConfirmedRunCommand.CANCEL)),
            sandbox));
    app.viewSubmission(Ids.CREATE_VIEW, new FormSubmission(bot, false));
    app.viewSubmission(Ids.PLAN_VIEW, new FormSubmission(bot, true));
    app.viewSubmission(Ids.REJECT_VIEW, new RejectSubmission(bot));
    app.blockAction(Ids.APPROVE, new ApproveAction(bot));
    app.blockAction(Ids.REJECT, new RejectAction(bot));
    app.blockAction(Ids.RETRY, new RetryAction(bot));
    app.blockAction(Ids.ROLLBACK, new RollbackAction(bot));
    app.blockAction(Ids.CANCEL, new CancelAction(bot));
    app.blockAction(Ids.SHARE, new ShareAction(bot));
    return app;
  }
}
