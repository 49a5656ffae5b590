package dev.trunkbot.cli;

import dev.trunkbot.workflow.RunFilter;
import dev.trunkbot.workflow.RunView;
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
      description = "How many runs (default ${DEFAULT-VALUE}).")
  int limit;

  public ListCommand(Backend.Factory backends) {
    super(backends);
  }

  @Override
  int run(Backend backend) {
    return print(this, backend, backend.engine().runs(RunFilter.all().withLimit(limit)));
  }

  static int print(RunCommand command, Backend backend, List<RunView> runs) {
    if (command.json) {
      var doc = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      runs.forEach(
          r ->
              doc.addObject()
                  .put("runId", r.id().toString())
                  .put("state", r.state().name())
                  .put("trunk", r.input().path("spec").path("name").asText())
                  .put("termination", r.input().path("spec").path("termination").asText())
                  .put("requester", r.requester())
                  .put("createdAt", r.createdAt().toString()));
      RunReport.printJson(command.out(), doc);
      return 0;
    }
    if (runs.isEmpty()) {
      command
          .out()
          .println(
              "no runs yet"
                  + (backend.sandbox()
                      ? " (the sandbox keeps runs only while a command runs)"
                      : ""));
    }
    for (RunView r : runs) {
      command
          .out()
          .println(
              String.format(
                  "%-36s  %-16s  %-24s  %-20s  %s",
                  r.id(),
                  r.state(),
                  r.input().path("spec").path("name").asText(),
                  r.requester(),
                  r.createdAt()));
    }
    command.out().flush();
    return 0;
  }
}
