package dev.trunkbot.app;

import dev.trunkbot.cli.TrunkbotCommand;
import dev.trunkbot.cli.ValidateCommand;
import picocli.CommandLine;

/** Wires the commands and runs one. The only place that knows every package. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The full command tree, as {@code java -jar trunkbot.jar} runs it (tests call this too). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TrunkbotCommand());
        cli.addSubcommand(new ValidateCommand());
        cli.addSubcommand(new SandboxCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
