package dev.trunkbot.cli;

import dev.trunkbot.service.Role;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.ServiceFactory;
import dev.trunkbot.service.TrunkService;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trunkbot list}: the recent runs, newest first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the recent runs, newest first.")
public final class ListCommand extends RunCommand {
  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "How many runs, 1-1000 (default ${DEFAULT-VALUE}).")
  int limit;

  public ListCommand(ServiceFactory services) {
    super(services);
  }

  @Override
  Role role() {
    return Role.CLIENT;
  }

  @Override
  int run(TrunkService service) {
    if (limit < 1 || limit > 1000) {
      return badInput("--limit: must be from 1 to 1000, got " + limit);
    }
    return print(this, service, service.list(limit));
  }

  static int print(RunCommand command, TrunkService service, List<RunSummary> runs) {
    if (command.json) {
      var doc = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      runs.forEach(
          r ->
              doc.addObject()
                  .put("runId", r.id())
                  .put("state", r.state().name())
                  .put("trunk", r.trunk())
                  .put("terminationUri", r.terminationUri())
                  .put("requester", r.requester().key())
                  .put("createdAt", r.createdAt().toString()));
      RunReport.printJson(command.out(), doc);
      return Exit.SUCCEEDED;
    }
    if (runs.isEmpty()) {
      command
          .out()
          .println(
              "no runs yet"
                  + (service.sandbox()
                      ? " (the sandbox keeps runs only while a command runs)"
                      : ""));
    }
    for (RunSummary r : runs) {
      command
          .out()
          .println(
              String.format(
                  "%-36s  %-16s  %-24s  %-20s  %s",
                  r.id(), r.state(), r.trunk(), r.requester().key(), r.createdAt()));
    }
    command.out().flush();
    return Exit.SUCCEEDED;
  }
}
