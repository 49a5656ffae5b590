package dev.trunkbot.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.trunkbot.sandbox.TwilioEmulator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretsStayOutOfLogsTest {
  @Test
  void evenAtDebugNeitherTheSipPasswordNorTheAuthTokenIsLogged() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    root.setLevel(Level.DEBUG);
    try (TwilioEmulator emulator = TwilioEmulator.start(0)) {
      emulator.seedPhoneNumbers("12027594810", "12027594811");
      emulator.faults().on("credentials.create").failNth(1, 503);
      SdkTwilioTrunking twilio = TwilioHalf.client(emulator, new ArrayList<>(), 3, 50);
      TwilioHalf.run(twilio);
      twilio.ensureCredentialList(
          TwilioHalf.NAME, TwilioHalf.USERNAME, "Rotated2025Password", true);
    } finally {
      root.setLevel(before);
      root.detachAppender(captured);
    }
    String logged =
        captured.list.stream()
            .map(
                e ->
                    e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
            .collect(Collectors.joining("\n"));
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (TwilioEmulator.SANDBOX_ACCOUNT_SID + ":" + TwilioEmulator.SANDBOX_AUTH_TOKEN)
                    .getBytes());
    assertThat(captured.list).isNotEmpty();
    assertThat(logged)
        .doesNotContain(TwilioHalf.PASSWORD)
        .doesNotContain("Rotated2025Password")
        .doesNotContain(TwilioEmulator.SANDBOX_AUTH_TOKEN)
        .doesNotContain(basic);
  }
}
