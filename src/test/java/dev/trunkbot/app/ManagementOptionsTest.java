package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.slack.fake.FakeSlack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** serve's management options: bad values and a port in use stop it in one line, exit 2. */
class ManagementOptionsTest {
  @TempDir Path home;
  private String err;

  private int serve(Map<String, String> extra, String... args) throws Exception {
    try (FakeSlack slack = FakeSlack.start()) {
      Map<String, String> env = new HashMap<>(slack.socketEnv());
      env.put("TRUNKBOT_HOME", home.toString());
      env.putAll(extra);
      CommandLine cli = Main.commandLine(env);
      StringWriter e = new StringWriter();
      cli.setErr(new PrintWriter(e, true));
      cli.setOut(new PrintWriter(new StringWriter(), true));
      List<String> all = new java.util.ArrayList<>(List.of("serve"));
      all.addAll(List.of(args));
      int code = cli.execute(all.toArray(String[]::new));
      err = e.toString();
      return code;
    }
  }

  @Test
  void aPortThatIsNoNumberIsRefusedNamingTheOption() throws Exception {
    assertThat(serve(Map.of(), "--management-port", "ninety")).isEqualTo(2);
    assertThat(err.lines()).hasSize(1);
    assertThat(err).contains("--management-port", "'ninety'", "0-65535");
  }

  @Test
  void aVariableOutOfRangeIsRefusedNamingTheVariable() throws Exception {
    assertThat(serve(Map.of("TRUNKBOT_MANAGEMENT_PORT", "99999"))).isEqualTo(2);
    assertThat(err.lines()).hasSize(1);
    assertThat(err).contains("TRUNKBOT_MANAGEMENT_PORT", "'99999'");
  }

  @Test
  void aPortInUseStopsServeInOneLineSayingWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThat(serve(Map.of(), "--management-port", Integer.toString(port))).isEqualTo(2);
      assertThat(err.lines()).hasSize(1);
      assertThat(err)
          .contains("management port 127.0.0.1:" + port, "--management-port")
          .doesNotContain("Exception");
    }
  }
}
