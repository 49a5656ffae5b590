package dev.trunkbot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: only lists the subcommands; {@code app.Main} registers them. */
@Command(
    name = "trunkbot",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Provisions Twilio Elastic SIP trunks for PortSIP PBXs, step by step as the PortSIP guide does.",
    synopsisSubcommandLabel = "COMMAND")
public final class TrunkbotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: name one of the commands below.");
  }
}
