package dev.trunkbot.cli;

import dev.trunkbot.specfile.SpecFile;
import dev.trunkbot.trunk.InvalidInputException;
import dev.trunkbot.trunk.TrunkSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trunkbot validate --file spec.yaml}: every problem as {@code field: message}, or the
 * normalized spec.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a spec file without touching Twilio or PortSIP.",
      "Prints each problem as 'field: message' and exits 1, or prints the normalized spec and exits 0."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description = "The spec file, YAML (or JSON when it ends in .json).")
  Path file;

  @Option(
      names = "--json",
      description = "Print the normalized spec as JSON instead of the file's own format.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      TrunkSpec trunk = SpecFile.read(file);
      SpecFile.Format format = json ? SpecFile.Format.JSON : SpecFile.Format.of(file);
      spec.commandLine().getOut().print(SpecFile.write(trunk, format));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (InvalidInputException e) {
      SpecFile.lines(e).forEach(spec.commandLine().getErr()::println);
      spec.commandLine().getErr().flush();
      return 1;
    }
  }
}
