package dev.trunkbot.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.provisioning.GuideWorkflow;
import dev.trunkbot.provisioning.RunInput;
import dev.trunkbot.trunk.TrunkScope;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.RunView;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns stored runs into the summaries front ends render. */
final class Summaries {
  private final ApprovalPolicy policy;
  private final boolean sandbox;

  Summaries(ApprovalPolicy policy, boolean sandbox) {
    this.policy = policy;
    this.sandbox = sandbox;
  }

  RunSummary of(RunView view) {
    Optional<TrunkSpec> spec = spec(view);
    RunStatus state = RunStatus.valueOf(view.state().name());
    return new RunSummary(
        view.id().value(),
        spec.map(TrunkSpec::name).orElse(view.subject()),
        spec.map(TrunkSpec::terminationHost).orElse(view.businessKey().orElse("")),
        state,
        Actor.parse(view.requester()),
        view.createdAt(),
        view.updatedAt(),
        view.finishedAt(),
        view.steps().stream().map(Summaries::step).toList(),
        approval(view),
        next(state, approval(view).filter(a -> a.state() == ApprovalSummary.State.PENDING)),
        view.error(),
        resources(view, spec),
        view.notes(),
        sandbox);
  }

  static Optional<TrunkSpec> spec(RunView view) {
    try {
      return Optional.of(RunInput.spec(view.input()));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static StepSummary step(RunView.StepView s) {
    JsonNode o = s.outputs();
    StepStatus state = StepStatus.valueOf(s.state().name());
    boolean done = state == StepStatus.SUCCEEDED || state == StepStatus.UNDONE;
    return new StepSummary(
        s.id(),
        s.title(),
        state,
        s.attempts(),
        done ? o.path("created").asInt(0) : 0,
        done ? o.path("updated").asInt(0) : 0,
        done ? o.path("found").asInt(0) : 0,
        s.progress().map(p -> new StepSummary.Progress(p.done(), p.total())),
        done ? Optional.empty() : s.lastError(),
        s.startedAt(),
        s.finishedAt());
  }

  private Optional<ApprovalSummary> approval(RunView view) {
    return view.step(GuideWorkflow.APPROVAL_STEP)
        .flatMap(
            s ->
                s.approval()
                    .map(
                        a ->
                            new ApprovalSummary(
                                s.id(),
                                ApprovalSummary.State.valueOf(a.decision()),
                                a.request().orElse(s.title()),
                                a.requestedAt(),
                                a.decidedBy().map(Actor::parse),
                                a.decidedAt(),
                                a.reason().filter(r -> !r.isBlank()),
                                policy.whoMayDecide())));
  }

  private static Set<RunSummary.NextAction> next(
      RunStatus state, Optional<ApprovalSummary> pending) {
    if (state == RunStatus.RUNNING && pending.isPresent()) {
      return EnumSet.of(
          RunSummary.NextAction.APPROVE,
          RunSummary.NextAction.REJECT,
          RunSummary.NextAction.CANCEL);
    }
    return switch (state) {
      case WAITING_APPROVAL ->
          EnumSet.of(
              RunSummary.NextAction.APPROVE,
              RunSummary.NextAction.REJECT,
              RunSummary.NextAction.CANCEL);
      case RUNNING -> EnumSet.of(RunSummary.NextAction.CANCEL);
      case FAILED -> EnumSet.of(RunSummary.NextAction.RESUME, RunSummary.NextAction.ROLLBACK);
      case SUCCEEDED, REJECTED, CANCELLED -> EnumSet.of(RunSummary.NextAction.ROLLBACK);
      case ROLLING_BACK, ROLLED_BACK -> EnumSet.noneOf(RunSummary.NextAction.class);
    };
  }

  private static RunResources resources(RunView view, Optional<TrunkSpec> spec) {
    Map<String, String> pools = new LinkedHashMap<>();
    spec.ifPresent(
        s -> {
          if (s.scope() instanceof TrunkScope.SystemLevel system) {
            system.tenants().forEach((t, pool) -> pools.put(t, pool.toString()));
          } else if (s.scope() instanceof TrunkScope.TenantLevel tenant) {
            pools.put(tenant.tenant(), s.dids().toString());
          }
        });
    return new RunResources(
        output(view, "trunk", "trunkSid"),
        output(view, "portsip-trunk", "providerId"),
        spec.map(s -> s.dids().toString()).orElse(""),
        spec.map(s -> s.dids().size()).orElse(0L),
        pools);
  }

  private static Optional<String> output(RunView view, String stepId, String field) {
    return view.step(stepId)
        .map(s -> s.outputs().path(field))
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText);
  }
}
