package dev.trunkbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trunkbot.app.Main;
import dev.trunkbot.specfile.SpecFile;
import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.TrunkScope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --tenant NAME=POOL} given twice is refused, not silently the last one kept. */
class TenantOptionTest {
  private static SpecOptions trunk(String... tenants) {
    SpecOptions o = new SpecOptions();
    o.name = "Twilio-Reg-Trunk";
    o.domain = "portsip-pbx";
    o.pbx = "151.101.2.3";
    o.dids = "12027594810-12027594815;12027594820";
    o.maxCalls = "30";
    o.tenants = List.of(tenants);
    return o;
  }

  private static List<String> problems(SpecOptions options) {
    try {
      options.spec();
    } catch (InvalidInputException e) {
      return SpecFile.lines(e);
    }
    throw new AssertionError("accepted");
  }

  @Test
  void oneTenantGivenTwiceIsOneLine() {
    assertThat(problems(trunk("acme=12027594810-12027594815", "acme=12027594820")))
        .containsExactly(
            "tenants.acme: listed twice: give each tenant once, with all its DIDs in one pool");
  }

  @Test
  void tenantsDifferingOnlyBySpacesAreTheSameTenant() {
    assertThat(problems(trunk(" acme=12027594810-12027594815", "acme =12027594820")))
        .containsExactly(
            "tenants.acme: listed twice: give each tenant once, with all its DIDs in one pool");
  }

  @Test
  void aTenantFlagWithoutPoolSaysWhatToWrite() {
    assertThatThrownBy(() -> trunk("acme").spec())
        .hasMessage(
            "tenants: 'acme' is not NAME=POOL: give --tenant acme=12027594810-12027594815"
                + " (repeat it for each tenant)");
  }

  @Test
  void distinctTenantsAreKeptInOrder() {
    var scope = trunk("globex=12027594820", "acme=12027594810-12027594815").spec().scope();
    assertThat(((TrunkScope.SystemLevel) scope).tenants()).containsOnlyKeys("acme", "globex");
  }

  @Test
  void theCommandPrintsTheOneLineAndStartsNothing() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code =
        cli.execute(
            "plan",
            "--name",
            "Twilio-Reg-Trunk",
            "--domain",
            "portsip-pbx",
            "--pbx",
            "151.101.2.3",
            "--dids",
            "12027594810-12027594815;12027594820",
            "--max-calls",
            "30",
            "--tenant",
            "acme=12027594810-12027594815",
            "--tenant",
            "acme=12027594820");
    assertThat(code).isEqualTo(Exit.BAD_INPUT);
    assertThat(err.toString().lines())
        .containsExactly(
            "tenants.acme: listed twice: give each tenant once, with all its DIDs in one pool");
    assertThat(out.toString()).isEmpty();
  }
}
