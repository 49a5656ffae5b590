package dev.trunkbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trunkbot.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ValidateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void printsTheNormalizedSpecAndExitsZero() {
    assertThat(run("validate", "--file", "examples/system-trunk.yaml")).isZero();
    assertThat(out.toString())
        .contains("dids: 12027594810-12027594815;12027594820")
        .contains("level: system");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void printsOneLinePerProblemAndExitsOne() {
    assertThat(run("validate", "--file", "examples/broken-trunk.yaml")).isEqualTo(1);
    assertThat(err.toString().lines())
        .hasSize(3)
        .anySatisfy(l -> assertThat(l).startsWith("pbx: '192.168.1.20' is private"))
        .anySatisfy(
            l -> assertThat(l).startsWith("dids: range '12027594815-12027594810' is reversed"))
        .anySatisfy(l -> assertThat(l).startsWith("tenants.globex: overlaps tenants.acme"));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unknownCommandsAndBadFlagsAreUsageErrors() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'frobnicate'");
    assertThat(run("validate", "--nope")).isEqualTo(2);
    assertThat(run("validate")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("validate");
  }
}
