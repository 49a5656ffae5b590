package dev.trunkbot.slack;

import dev.trunkbot.service.ActionResult;
import dev.trunkbot.service.Actor;
import dev.trunkbot.service.ApprovalPolicy;
import dev.trunkbot.service.ApprovalSummary;
import dev.trunkbot.service.CreateOptions;
import dev.trunkbot.service.CreateOutcome;
import dev.trunkbot.service.DecisionOutcome;
import dev.trunkbot.service.NoSuchRunException;
import dev.trunkbot.service.PlanSummary;
import dev.trunkbot.service.RunEvent;
import dev.trunkbot.service.RunListener;
import dev.trunkbot.service.RunResources;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.service.RunSummary;
import dev.trunkbot.service.StepStatus;
import dev.trunkbot.service.StepSummary;
import dev.trunkbot.service.Subscription;
import dev.trunkbot.service.TrunkReport;
import dev.trunkbot.service.TrunkService;
import dev.trunkbot.service.Validation;
import dev.trunkbot.trunk.TrunkDraft;
import dev.trunkbot.trunk.TrunkSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A service in memory for the Slack handlers' own tests: runs that move only when the test moves
 * them ({@link #change}), the real approval policy, the domain's validation. The end-to-end test
 * uses the real service instead.
 */
final class InMemoryService implements TrunkService {
  static final List<String> STEPS =
      List.of(
          "trunk",
          "ip-acl",
          "credential-list",
          "origination",
          "find-dids",
          "assign-dids",
          "portsip-trunk",
          "portsip-tenants",
          "verify");
  final Map<String, RunSummary> runs = new ConcurrentHashMap<>();
  final List<RunListener> consumers = new CopyOnWriteArrayList<>();
  final List<String> calls = new CopyOnWriteArrayList<>();

  /** How long a create or a decision takes to be stored (a slow database). */
  volatile Duration storing = Duration.ZERO;

  /** The run ids read through {@link #run}, in order. */
  final List<String> reads = new CopyOnWriteArrayList<>();

  private final Map<String, TrunkSpec> specs = new ConcurrentHashMap<>();
  private final AtomicLong seq = new AtomicLong();
  private final ApprovalPolicy policy;

  InMemoryService(ApprovalPolicy policy) {
    this.policy = policy;
  }

  @Override
  public boolean sandbox() {
    return true;
  }

  @Override
  public String describe() {
    return "in memory";
  }

  @Override
  public ApprovalPolicy policy() {
    return policy;
  }

  @Override
  public Validation validate(TrunkDraft draft) {
    return Validation.of(draft);
  }

  @Override
  public PlanSummary plan(TrunkSpec spec) {
    calls.add("plan " + spec.terminationHost());
    return new PlanSummary(
        List.of(
            new PlanSummary.Line(
                PlanSummary.Side.TWILIO, "trunk", PlanSummary.Change.CREATE, spec.name())),
        true);
  }

  @Override
  public synchronized CreateOutcome create(TrunkSpec spec, Actor requester, CreateOptions options) {
    calls.add("create " + spec.terminationHost());
    pause(storing);
    for (RunSummary r : runs.values()) {
      if (r.terminationUri().equals(spec.terminationHost()) && !r.state().finished()) {
        return specs.get(r.id()).equals(spec) && r.requester().key().equals(requester.key())
            ? new CreateOutcome.AlreadyStarted(r)
            : new CreateOutcome.Refused(
                "run " + r.id() + " of this trunk is active", Optional.of(r));
      }
    }
    String id = "run-" + seq.incrementAndGet();
    List<StepSummary> steps = STEPS.stream().map(s -> step(s, StepStatus.PENDING)).toList();
    Instant now = Instant.now();
    RunSummary run =
        new RunSummary(
            id,
            spec.name(),
            spec.terminationHost(),
            RunStatus.RUNNING,
            requester,
            now,
            now,
            Optional.empty(),
            steps,
            Optional.empty(),
            Set.of(),
            Optional.empty(),
            new RunResources(
                Optional.empty(),
                Optional.empty(),
                spec.dids().toString(),
                spec.dids().size(),
                Map.of()),
            options.notes(),
            true);
    runs.put(id, run);
    specs.put(id, spec);
    emit(id);
    return new CreateOutcome.Started(run);
  }

  static StepSummary step(String id, StepStatus state) {
    return new StepSummary(
        id,
        "Step " + id,
        state,
        state == StepStatus.PENDING ? 0 : 1,
        0,
        0,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Moves a run as the engine would, and tells the consumers. */
  RunSummary change(String runId, UnaryOperator<RunSummary> how) {
    RunSummary next = runs.compute(runId, (k, r) -> how.apply(r));
    emit(runId);
    return next;
  }

  void emit(String runId) {
    RunEvent e = new RunEvent.Progress(runId, seq.incrementAndGet(), Instant.now(), "x", 0, 0);
    for (RunListener l : consumers) {
      try {
        l.on(e);
      } catch (Exception ignored) {
        // as the real service: logged, not fatal
      }
    }
  }

  @Override
  public RunSummary run(String runId) {
    reads.add(runId);
    RunSummary r = runs.get(runId);
    if (r == null) {
      throw new NoSuchRunException(runId);
    }
    return r;
  }

  @Override
  public List<RunSummary> list(int limit) {
    return runs.values().stream().limit(limit).toList();
  }

  @Override
  public Optional<TrunkReport> status(String trunk) {
    return runs.values().stream()
        .filter(r -> r.trunk().equals(trunk) || r.terminationUri().startsWith(trunk))
        .findFirst()
        .map(
            r ->
                new TrunkReport(
                    trunk, r, Optional.of(new PlanSummary(List.of(), true)), Optional.empty()));
  }

  @Override
  public synchronized DecisionOutcome approve(String runId, Actor actor, String reason) {
    return decide(runId, actor, reason, true);
  }

  @Override
  public synchronized DecisionOutcome reject(String runId, Actor actor, String reason) {
    return decide(runId, actor, reason, false);
  }

  private DecisionOutcome decide(String runId, Actor actor, String reason, boolean approving) {
    calls.add((approving ? "approve " : "reject ") + actor.id());
    pause(storing);
    RunSummary run = run(runId);
    if (policy.mayDecide(actor, run.requester(), approving)
        instanceof ApprovalPolicy.Verdict.Refused r) {
      return new DecisionOutcome.NotAllowed(r.reason());
    }
    ApprovalSummary a = run.approval().orElseThrow();
    if (a.state() != ApprovalSummary.State.PENDING) {
      return new DecisionOutcome.AlreadyDecided(
          a.state().name().toLowerCase(), a.decidedBy().orElseThrow(), a.decidedAt().orElseThrow());
    }
    ApprovalSummary decided =
        new ApprovalSummary(
            a.stepId(),
            approving ? ApprovalSummary.State.APPROVED : ApprovalSummary.State.REJECTED,
            a.request(),
            a.requestedAt(),
            Optional.of(actor),
            Optional.of(Instant.now()),
            Optional.of(reason),
            a.whoMayDecide());
    return new DecisionOutcome.Decided(
        change(
            runId,
            r ->
                with(r, approving ? RunStatus.RUNNING : RunStatus.REJECTED, Optional.of(decided))));
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static RunSummary with(RunSummary r, RunStatus state, Optional<ApprovalSummary> approval) {
    return new RunSummary(
        r.id(),
        r.trunk(),
        r.terminationUri(),
        state,
        r.requester(),
        r.createdAt(),
        Instant.now(),
        r.finishedAt(),
        r.steps(),
        approval,
        r.next(),
        r.error(),
        r.resources(),
        r.notes(),
        r.sandbox());
  }

  static RunSummary withSteps(RunSummary r, RunStatus state, List<StepSummary> steps) {
    return new RunSummary(
        r.id(),
        r.trunk(),
        r.terminationUri(),
        state,
        r.requester(),
        r.createdAt(),
        Instant.now(),
        r.finishedAt(),
        steps,
        r.approval(),
        r.next(),
        r.error(),
        r.resources(),
        r.notes(),
        r.sandbox());
  }

  @Override
  public ActionResult resume(String runId, Actor actor) {
    calls.add("resume " + runId);
    return new ActionResult.Accepted(run(runId));
  }

  @Override
  public ActionResult rollback(String runId, Actor actor) {
    calls.add("rollback " + runId);
    return policy.mayRollback(actor) instanceof ApprovalPolicy.Verdict.Refused r
        ? new ActionResult.Refused(r.reason())
        : new ActionResult.Accepted(run(runId));
  }

  @Override
  public ActionResult cancel(String runId, Actor actor) {
    calls.add("cancel " + runId);
    boolean own = run(runId).requester().key().equals(actor.key());
    return !own && policy.mayRollback(actor) instanceof ApprovalPolicy.Verdict.Refused
        ? new ActionResult.Refused("only the requester or an approver may cancel")
        : new ActionResult.Accepted(change(runId, r -> with(r, RunStatus.CANCELLED, r.approval())));
  }

  @Override
  public Optional<RunSummary> awaitSettled(String runId, Duration timeout) {
    return Optional.of(run(runId));
  }

  @Override
  public void note(String runId, String key, String value) {
    runs.computeIfPresent(
        runId,
        (k, r) -> {
          Map<String, String> notes = new HashMap<>(r.notes());
          notes.put(key, value);
          return new RunSummary(
              r.id(),
              r.trunk(),
              r.terminationUri(),
              r.state(),
              r.requester(),
              r.createdAt(),
              r.updatedAt(),
              r.finishedAt(),
              r.steps(),
              r.approval(),
              r.next(),
              r.error(),
              r.resources(),
              notes,
              r.sandbox());
        });
  }

  @Override
  public Subscription subscribe(Optional<String> runId, RunListener listener) {
    return () -> {};
  }

  @Override
  public Subscription consume(String consumer, RunListener listener) {
    consumers.add(listener);
    return () -> consumers.remove(listener);
  }

  @Override
  public void close() {}

  static List<StepSummary> steps(
      RunSummary r,
      String id,
      StepStatus state,
      Optional<StepSummary.Progress> progress,
      Optional<String> error) {
    List<StepSummary> out = new ArrayList<>();
    for (StepSummary s : r.steps()) {
      out.add(
          s.id().equals(id)
              ? new StepSummary(
                  s.id(),
                  s.title(),
                  state,
                  s.attempts() + 1,
                  0,
                  0,
                  0,
                  progress,
                  error,
                  Optional.empty(),
                  Optional.empty())
              : s);
    }
    return out;
  }
}
