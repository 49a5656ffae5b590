package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Settings and databases that cannot work: one line naming what to fix, exit 2, nothing started and
 * no stack trace.
 */
class BadSettingsTest {
  @TempDir Path tmp;
  private String out;
  private String err;

  private int run(Map<String, String> env, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(o, true));
    cli.setErr(new PrintWriter(e, true));
    int code = cli.execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  /** Twilio and PortSIP "configured" (nothing listens there): not the sandbox. */
  private Map<String, String> configured() {
    Map<String, String> env = new HashMap<>();
    env.put("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32));
    env.put("TWILIO_AUTH_TOKEN", "not-a-real-token");
    env.put("TRUNKBOT_TWILIO_BASE_URL", "http://127.0.0.1:9");
    env.put("PORTSIP_URL", "http://127.0.0.1:9");
    env.put("PORTSIP_USERNAME", "admin");
    env.put("PORTSIP_PASSWORD", "not-a-real-password");
    env.put("TRUNKBOT_HOME", tmp.resolve("home").toString());
    return env;
  }

  private void assertOneLine(String... mentions) {
    assertThat(err.strip().lines()).as(err).hasSize(1);
    assertThat(err).contains(mentions).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void aHomeThatIsAFileIsNamed() throws Exception {
    Map<String, String> env = configured();
    Path file = Files.writeString(tmp.resolve("home"), "not a folder");
    assertThat(run(env, "list")).isEqualTo(2);
    assertOneLine("TRUNKBOT_HOME=" + file, "is a file");
  }

  @Test
  void anUnreachablePostgresIsNamedWithoutItsPassword() {
    Map<String, String> env = configured();
    env.put("TRUNKBOT_DB_URL", "jdbc:postgresql://127.0.0.1:9/trunkbot?password=hunter2");
    assertThat(run(env, "list")).isEqualTo(2);
    assertOneLine("TRUNKBOT_DB_URL", "cannot connect");
    assertThat(err).doesNotContain("hunter2");
  }

  @Test
  void anInMemoryDatabaseOutsideTheSandboxIsRefused() {
    Map<String, String> env = configured();
    env.put("TRUNKBOT_DB_URL", "jdbc:h2:mem:x");
    assertThat(run(env, "list")).isEqualTo(2);
    assertOneLine("TRUNKBOT_DB_URL", "in-memory");
  }

  @Test
  void anotherKindOfDatabaseIsRefused() {
    Map<String, String> env = configured();
    env.put("TRUNKBOT_DB_URL", "jdbc:mysql://localhost/trunkbot");
    assertThat(run(env, "list")).isEqualTo(2);
    assertOneLine("TRUNKBOT_DB_URL", "jdbc:postgresql:");
  }

  @Test
  void aDamagedDatabaseFileSaysSo() throws Exception {
    Map<String, String> env = configured();
    Path home = Files.createDirectories(tmp.resolve("home"));
    byte[] junk = new byte[64 * 1024];
    new java.util.Random(7).nextBytes(junk);
    Files.write(home.resolve("trunkbot.mv.db"), junk);
    assertThat(run(env, "list")).isEqualTo(2);
    assertOneLine("embedded database in " + home);
  }

  @Test
  void aMalformedSecretKeyIsNamed() {
    Map<String, String> env = configured();
    env.put("TRUNKBOT_SECRET_KEY", "c2hvcnQ=");
    assertThat(run(env, "list")).isEqualTo(2);
    assertOneLine("TRUNKBOT_SECRET_KEY", "32 bytes");
  }

  @Test
  void theHomeIsCreatedReadableByItsOwnerOnly() throws Exception {
    Map<String, String> env = configured();
    assertThat(run(env, "list")).as(err).isZero();
    Path home = tmp.resolve("home");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("secret.key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void exitCodesHoldForUnknownRunsTimeoutsAndRefusedResumes() {
    Map<String, String> env = configured();
    assertThat(run(env, "approve", "4a7c1d3e-0000-0000-0000-000000000000")).isEqualTo(2);
    assertOneLine("no run '4a7c1d3e-0000-0000-0000-000000000000'");
    assertThat(run(env, "status", "no-such-thing")).isEqualTo(2);
    assertOneLine("no run and no trunk called 'no-such-thing'");
    assertThat(run(env, "resume", "not-a-run")).isEqualTo(2);
    assertThat(run(env, "list", "--timeout", "-PT5S")).isEqualTo(2);
    assertOneLine("--timeout");
    assertThat(run(env, "list", "--limit", "0")).isEqualTo(2);
  }
}
