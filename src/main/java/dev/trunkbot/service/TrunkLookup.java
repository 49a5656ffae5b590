package dev.trunkbot.service;

import dev.trunkbot.provisioning.GuideWorkflow;
import dev.trunkbot.trunk.TerminationDomain;
import dev.trunkbot.workflow.Engine;
import dev.trunkbot.workflow.RunFilter;
import dev.trunkbot.workflow.RunView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds a trunk's latest run by its termination URI or label, or by its name (indexed). */
final class TrunkLookup {
  private TrunkLookup() {}

  static Optional<RunView> latest(Engine engine, String trunk) {
    String t = trunk == null ? "" : trunk.strip().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    RunFilter guide = RunFilter.all().withWorkflow(GuideWorkflow.NAME).withLimit(1);
    String host = t.endsWith(TerminationDomain.SUFFIX) ? t : t + TerminationDomain.SUFFIX;
    List<RunView> byKey = engine.runs(guide.withBusinessKey(host));
    if (!byKey.isEmpty()) {
      return Optional.of(byKey.get(0));
    }
    return engine.runs(guide.withSubject(t)).stream().findFirst();
  }
}
