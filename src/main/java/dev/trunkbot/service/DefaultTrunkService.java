package dev.trunkbot.service;

import dev.trunkbot.provisioning.GuideWorkflow;
import dev.trunkbot.provisioning.Planner;
import dev.trunkbot.provisioning.Ports;
import dev.trunkbot.provisioning.Preflight;
import dev.trunkbot.provisioning.RunInput;
import dev.trunkbot.trunk.TrunkDraft;
import dev.trunkbot.trunk.TrunkSpec;
import dev.trunkbot.workflow.ActionOutcome;
import dev.trunkbot.workflow.ApprovalOutcome;
import dev.trunkbot.workflow.Engine;
import dev.trunkbot.workflow.EngineStats;
import dev.trunkbot.workflow.RunFilter;
import dev.trunkbot.workflow.RunId;
import dev.trunkbot.workflow.RunRequest;
import dev.trunkbot.workflow.RunView;
import dev.trunkbot.workflow.StartOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The application over the workflow engine and the guide; one per process. */
public final class DefaultTrunkService implements TrunkService, Operations {
  private final Engine engine;
  private final Environment environment;
  private final ApprovalPolicy policy;
  private final Plans plans;
  private final Summaries summaries;
  private final Repairs repairs;
  private final Planner planner;
  private final AutoCloseable resources;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * @param engine started, with the guide registered
   * @param resources closed after the engine (database, clients, sandbox)
   */
  public DefaultTrunkService(
      Engine engine,
      Planner planner,
      Environment environment,
      ApprovalPolicy policy,
      AutoCloseable resources) {
    this.engine = engine;
    this.environment = environment;
    this.policy = policy;
    this.plans = new Plans(planner, environment.sandbox());
    this.summaries = new Summaries(policy, environment.sandbox());
    this.repairs = new Repairs(planner);
    this.planner = planner;
    this.resources = resources;
  }

  @Override
  public Activity activity() {
    EngineStats s = engine.stats();
    Map<RunStatus, Long> runs = new EnumMap<>(RunStatus.class);
    s.runs().forEach((state, n) -> runs.put(RunStatus.valueOf(state.name()), n));
    return new Activity(
        runs, s.approvalsWaiting(), s.oldestApproval(), s.backlog(), s.permitsInUse());
  }

  @Override
  public AccessCheck checkAccess() {
    List<Preflight.Finding> findings = withinLimits(planner::access);
    return new AccessCheck(
        findings.stream().noneMatch(f -> f.topic() == Preflight.Topic.TWILIO_ACCESS),
        findings.stream().noneMatch(f -> f.topic() == Preflight.Topic.PORTSIP_ACCESS),
        findings.stream().map(Preflight.Finding::toString).toList(),
        Instant.now());
  }

  /**
   * Reads of Twilio and PortSIP outside a run (a plan, a trunk's drift, the access check) hold a
   * permit of each side's limit, as a step does, so they too count against the accounts' limits.
   */
  private <T> T withinLimits(java.util.concurrent.Callable<T> read) {
    try {
      return engine.limiter(Ports.TWILIO).call(() -> engine.limiter(Ports.PORTSIP).call(read));
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException("interrupted while waiting for Twilio or PortSIP");
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public boolean sandbox() {
    return environment.sandbox();
  }

  @Override
  public String describe() {
    return environment.describe();
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
    environment.prepare(spec);
    return withinLimits(() -> plans.plan(spec));
  }

  @Override
  public CreateOutcome create(TrunkSpec spec, Actor requester, CreateOptions options) {
    if (options.autoApprove()
        && policy.mayAutoApprove() instanceof ApprovalPolicy.Verdict.Refused r) {
      return new CreateOutcome.Refused(r.reason(), Optional.empty());
    }
    environment.prepare(spec);
    RunRequest request =
        RunRequest.of(GuideWorkflow.NAME, RunInput.json(spec), requester.stored())
            .withBusinessKey(spec.terminationHost())
            .withSubject(spec.name().toLowerCase(Locale.ROOT))
            .withSecrets(RunInput.secrets(environment.credentials(spec)))
            .withNotes(options.notes());
    if (options.autoApprove()) {
      Actor auto =
          new Actor(Actor.Source.SYSTEM, "auto-approve", "auto-approve for " + requester.name());
      request = request.withAutoApprover(auto.stored());
    }
    StartOutcome outcome = engine.start(request);
    RunSummary run = run(outcome.runId().value());
    if (outcome instanceof StartOutcome.Conflict) {
      return new CreateOutcome.Refused(
          "run "
              + run.id()
              + " ("
              + run.state()
              + ", asked by "
              + run.requester()
              + ") is active on "
              + run.terminationUri()
              + ": "
              + waysOut(run)
              + "; nothing was started",
          Optional.of(run));
    }
    return outcome instanceof StartOutcome.Existing
        ? new CreateOutcome.AlreadyStarted(run)
        : new CreateOutcome.Started(run);
  }

  private static String waysOut(RunSummary run) {
    return switch (run.state()) {
      case WAITING_APPROVAL -> "approve, reject or cancel it first";
      case FAILED -> "resume it, or roll it back first";
      default -> "wait for it to finish";
    };
  }

  @Override
  public RunSummary run(String runId) {
    return summaries.of(view(runId));
  }

  private RunView view(String runId) {
    RunId id;
    try {
      id = new RunId(runId == null ? "" : runId.strip());
    } catch (IllegalArgumentException e) {
      throw new NoSuchRunException(String.valueOf(runId));
    }
    return engine.run(id).orElseThrow(() -> new NoSuchRunException(runId));
  }

  @Override
  public List<RunSummary> list(int limit) {
    return engine.runs(RunFilter.all().withWorkflow(GuideWorkflow.NAME).withLimit(limit)).stream()
        .map(summaries::of)
        .toList();
  }

  @Override
  public Optional<TrunkReport> status(String trunk) {
    Optional<RunView> latest = TrunkLookup.latest(engine, trunk);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    RunSummary run = summaries.of(latest.get());
    Optional<TrunkSpec> spec = Summaries.spec(latest.get());
    if (spec.isEmpty()) {
      return Optional.of(
          new TrunkReport(trunk, run, Optional.empty(), Optional.of("its spec cannot be read")));
    }
    try {
      return Optional.of(
          new TrunkReport(
              trunk,
              run,
              Optional.of(withinLimits(() -> plans.plan(spec.get()))),
              Optional.empty()));
    } catch (ServiceUnavailableException e) {
      return Optional.of(
          new TrunkReport(trunk, run, Optional.empty(), Optional.of(e.getMessage())));
    }
  }

  @Override
  public DecisionOutcome approve(String runId, Actor actor, String reason) {
    return decide(runId, actor, reason, true);
  }

  @Override
  public DecisionOutcome reject(String runId, Actor actor, String reason) {
    return decide(runId, actor, reason, false);
  }

  private DecisionOutcome decide(String runId, Actor actor, String reason, boolean approve) {
    RunView view = view(runId);
    Optional<RunView.ApprovalView> asked =
        view.step(GuideWorkflow.APPROVAL_STEP).flatMap(RunView.StepView::approval);
    if (asked.isPresent() && asked.get().decidedBy().isPresent()) {
      RunView.ApprovalView a = asked.get();
      return new DecisionOutcome.AlreadyDecided(
          a.decision(), Actor.parse(a.decidedBy().get()), a.decidedAt().orElse(view.updatedAt()));
    }
    boolean active =
        view.state() == dev.trunkbot.workflow.RunState.WAITING_APPROVAL
            || view.state() == dev.trunkbot.workflow.RunState.RUNNING;
    if (asked.isEmpty() || !active) {
      return new DecisionOutcome.NotWaiting(
          "run " + view.id() + " is " + view.state() + " and not waiting for approval");
    }
    if (policy.mayDecide(actor, Actor.parse(view.requester()), approve)
        instanceof ApprovalPolicy.Verdict.Refused r) {
      return new DecisionOutcome.NotAllowed(r.reason());
    }
    String why = reason == null ? "" : reason.strip();
    ApprovalOutcome outcome =
        approve
            ? engine.approve(view.id(), GuideWorkflow.APPROVAL_STEP, actor.stored(), why)
            : engine.reject(view.id(), GuideWorkflow.APPROVAL_STEP, actor.stored(), why);
    if (outcome instanceof ApprovalOutcome.Decided) {
      return new DecisionOutcome.Decided(run(runId));
    } else if (outcome instanceof ApprovalOutcome.AlreadyDecided d) {
      return new DecisionOutcome.AlreadyDecided(d.decision(), Actor.parse(d.by()), d.at());
    } else if (outcome instanceof ApprovalOutcome.SelfApprovalRefused) {
      return new DecisionOutcome.NotAllowed(
          "you asked for this run, so someone else must approve it (or set"
              + " TRUNKBOT_ALLOW_SELF_APPROVAL=true)");
    } else if (outcome instanceof ApprovalOutcome.Expired x) {
      return new DecisionOutcome.NotWaiting(
          "the approval request expired at " + x.expiredAt() + "; the run failed");
    }
    return new DecisionOutcome.NotWaiting(
        "run " + view.id() + " is not waiting for approval: " + view.state().name());
  }

  @Override
  public ActionResult resume(String runId, Actor actor) {
    RunView view = view(runId);
    if (view.state() != dev.trunkbot.workflow.RunState.FAILED) {
      return new ActionResult.Refused(
          "run " + view.id() + " is " + view.state() + "; only a FAILED run can be resumed");
    }
    return accepted(runId, engine.resume(view.id(), actor.stored(), repairs.stepsToRerun(view)));
  }

  @Override
  public ActionResult rollback(String runId, Actor actor) {
    RunView view = view(runId);
    if (policy.mayRollback(actor) instanceof ApprovalPolicy.Verdict.Refused r) {
      return new ActionResult.Refused(r.reason());
    }
    return accepted(runId, engine.rollback(view.id(), actor.stored()));
  }

  @Override
  public ActionResult cancel(String runId, Actor actor) {
    RunView view = view(runId);
    boolean own = Actor.parse(view.requester()).key().equals(actor.key());
    if (!own && policy.mayRollback(actor) instanceof ApprovalPolicy.Verdict.Refused) {
      return new ActionResult.Refused(
          "only the requester (" + Actor.parse(view.requester()) + ") or an approver may cancel");
    }
    return accepted(runId, engine.cancel(view.id(), actor.stored()));
  }

  private ActionResult accepted(String runId, ActionOutcome outcome) {
    return outcome instanceof ActionOutcome.Refused r
        ? new ActionResult.Refused(r.reason())
        : new ActionResult.Accepted(run(runId));
  }

  @Override
  public Optional<RunSummary> awaitSettled(String runId, Duration timeout)
      throws InterruptedException {
    return engine.awaitSettled(view(runId).id(), timeout).map(summaries::of);
  }

  @Override
  public void note(String runId, String key, String value) {
    engine.note(view(runId).id(), key, value);
  }

  @Override
  public Subscription subscribe(Optional<String> runId, RunListener listener) {
    var registration =
        engine.subscribe(runId.map(id -> view(id).id()), e -> listener.on(EventMapping.of(e)));
    return registration::close;
  }

  @Override
  public Subscription consume(String consumer, RunListener listener) {
    var registration = engine.consume(consumer, e -> listener.on(EventMapping.of(e)));
    return new Subscription() {
      @Override
      public void close() {
        registration.close();
      }

      @Override
      public boolean active() {
        return registration.active();
      }
    };
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try (AutoCloseable after = resources) {
      engine.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing: " + e.getMessage(), e);
    }
  }
}
