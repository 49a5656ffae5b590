package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: each runnable step is a db-scheduler one-time task "runId/stepId"; rollback is a task
 * per run.
 */
final class DefaultEngine implements Engine {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultEngine.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  static final String STEP_TASK = "trunkbot-step";
  static final String ROLLBACK_TASK = "trunkbot-rollback";

  private final EngineBuilder config;
  private final Clock clock;
  private final Map<String, WorkflowDefinition> definitions;
  private final Jdbc jdbc;
  private final RunStore store;
  private final RunCommands commands;
  private final RunQueries queries;
  private final SecretBox box;
  private final EventDispatcher dispatcher;
  private final ExecutorService stepPool = Executors.newCachedThreadPool(daemon("wf-step"));
  private final ExecutorService fanOutPool = Executors.newCachedThreadPool(daemon("wf-fanout"));
  private final ScheduledExecutorService housekeeping =
      Executors.newSingleThreadScheduledExecutor(daemon("wf-reconcile"));
  private final Thread dispatcherThread;
  private final CustomTask<Void> stepTask;
  private final CustomTask<Integer> rollbackTask;
  private volatile Scheduler scheduler;

  DefaultEngine(EngineBuilder b) {
    this.config = b;
    this.clock = b.clock;
    this.definitions = Map.copyOf(b.definitions);
    this.jdbc = new Jdbc(b.dataSource);
    this.store = new RunStore(jdbc);
    this.commands = new RunCommands(jdbc);
    this.queries = new RunQueries(jdbc, name -> Optional.ofNullable(definitions.get(name)));
    this.box = new SecretBox(b.secretKey);
    this.dispatcher = new EventDispatcher(jdbc, b.listeners, b.pollInterval.toMillis());
    this.dispatcherThread = daemon("wf-events").newThread(dispatcher);
    ResourceLimits limits = new ResourceLimits(b.resourceLimits, b.defaultResourceLimit);
    DefaultStepContext.ProgressSink progress =
        (run, step, done, total, note) -> {
          store.progress(run, step, done, total, note, clock.millis());
          dispatcher.wake();
        };
    StepRunner runner =
        new StepRunner(store, box, limits, stepPool, fanOutPool, clock, progress, dispatcher::wake);
    Rollbacker rollbacker =
        new Rollbacker(store, commands, box, limits, fanOutPool, clock, progress);
    this.stepTask =
        Tasks.custom(STEP_TASK, Void.class)
            .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(1)))
            .execute((instance, ctx) -> runStep(runner, instance.getId()));
    this.rollbackTask =
        Tasks.custom(ROLLBACK_TASK, Integer.class)
            .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(1)))
            .execute(
                (instance, ctx) -> runRollback(rollbacker, instance.getId(), instance.getData()));
  }

  private CompletionHandler<Void> runStep(StepRunner runner, String instanceId) {
    int slash = instanceId.indexOf('/');
    RunId runId = new RunId(instanceId.substring(0, slash));
    String stepId = instanceId.substring(slash + 1);
    Optional<WorkflowDefinition> def = definitionOf(runId);
    if (def.isEmpty() || def.get().step(stepId).isEmpty()) {
      LOG.warn(
          "run {}: workflow or step '{}' not registered in this engine; retrying in 30 s",
          runId,
          stepId);
      return (done, ops) -> ops.reschedule(done, clock.instant().plus(Duration.ofSeconds(30)));
    }
    StepRunner.Next next;
    try {
      next = runner.run(runId, def.get(), def.get().step(stepId).orElseThrow());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running step " + stepId, e);
    }
    if (next instanceof StepRunner.Next.RetryAt retry) {
      return (done, ops) -> ops.reschedule(done, retry.at());
    }
    scheduleSteps(runId, ((StepRunner.Next.Remove) next).schedule());
    return (done, ops) -> ops.remove();
  }

  private CompletionHandler<Integer> runRollback(
      Rollbacker rollbacker, String runIdValue, Integer failures) {
    RunId runId = new RunId(runIdValue);
    Optional<WorkflowDefinition> def = definitionOf(runId);
    if (def.isEmpty()) {
      return (done, ops) -> ops.reschedule(done, clock.instant().plus(Duration.ofSeconds(30)));
    }
    int attempt = (failures == null ? 0 : failures) + 1;
    var retryAt = rollbacker.run(runId, def.get(), attempt);
    dispatcher.wake();
    if (retryAt.isPresent()) {
      return (done, ops) -> ops.reschedule(done, retryAt.get(), attempt);
    }
    return (done, ops) -> ops.remove();
  }

  private Optional<WorkflowDefinition> definitionOf(RunId runId) {
    List<String> names =
        jdbc.query(
            "SELECT workflow FROM wf_run WHERE id = ?", rs -> rs.getString(1), runId.value());
    return names.isEmpty() ? Optional.empty() : Optional.ofNullable(definitions.get(names.get(0)));
  }

  void scheduleSteps(RunId runId, List<String> stepIds) {
    Scheduler s = scheduler;
    if (stepIds.isEmpty() || s == null) {
      return;
    }
    for (String stepId : stepIds) {
      try {
        s.scheduleIfNotExists(stepTask.instance(runId.value() + "/" + stepId), clock.instant());
      } catch (com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException alreadyScheduled) {
        LOG.debug("step {} of run {} was scheduled concurrently", stepId, runId);
      }
    }
    s.triggerCheckForDueExecutions();
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      throw new IllegalStateException("engine already started");
    }
    Databases.migrate(config.dataSource);
    String name = config.name != null ? config.name : defaultName();
    scheduler =
        Scheduler.create(config.dataSource, stepTask, rollbackTask)
            .schedulerName(new SchedulerName.Fixed(name))
            .threads(config.workerThreads)
            .pollingInterval(config.pollInterval)
            .heartbeatInterval(config.heartbeat)
            .missedHeartbeatsLimit(config.missedHeartbeats)
            .enableImmediateExecution()
            .clock(clock::instant)
            .shutdownMaxWait(Duration.ofSeconds(2))
            .build();
    scheduler.start();
    dispatcherThread.start();
    long every = config.reconcileInterval.toMillis();
    housekeeping.scheduleWithFixedDelay(this::reconcile, 0, every, TimeUnit.MILLISECONDS);
    LOG.info(
        "workflow engine {} started: workflows {}, poll {}, heartbeat {} x {}",
        name,
        definitions.keySet(),
        config.pollInterval,
        config.heartbeat,
        config.missedHeartbeats);
  }

  /**
   * Queues steps that should run but have no task (a crash between commit and scheduling), expires
   * approvals.
   */
  void reconcile() {
    try {
      commands.expireDue(clock.millis());
      for (RunStore.ActiveRun run : store.activeRuns()) {
        WorkflowDefinition def = definitions.get(run.workflow());
        if (def == null) {
          continue;
        }
        if (run.state() == RunState.ROLLING_BACK) {
          scheduleRollback(run.id());
          continue;
        }
        List<String> due = new java.util.ArrayList<>(Progression.runnable(def, run.steps()));
        run.approvals()
            .forEach(
                (step, decision) -> {
                  if ("APPROVED".equals(decision)
                      && run.steps().get(step) == StepState.WAITING_APPROVAL) {
                    due.add(step);
                  }
                });
        scheduleSteps(run.id(), due);
      }
      dispatcher.wake();
    } catch (RuntimeException e) {
      LOG.warn("reconcile failed: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    housekeeping.shutdownNow();
    if (scheduler != null) {
      scheduler.stop();
    }
    dispatcher.stop();
    stepPool.shutdownNow();
    fanOutPool.shutdownNow();
    try {
      dispatcherThread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void requireStarted() {
    if (scheduler == null) {
      throw new IllegalStateException("engine not started: call start() first");
    }
  }

  @Override
  public RunId startRun(
      String workflowName, String inputJson, Map<String, String> secretInputs, String requester) {
    requireStarted();
    WorkflowDefinition def = definitions.get(workflowName);
    if (def == null) {
      throw new IllegalArgumentException(
          "unknown workflow '" + workflowName + "' (registered: " + definitions.keySet() + ")");
    }
    if (requester == null || requester.isBlank()) {
      throw new IllegalArgumentException("requester must not be blank");
    }
    ObjectNode input = Json.object(Objects.requireNonNull(inputJson, "inputJson"));
    RunId id = RunId.random();
    Map<String, String> sealed = new LinkedHashMap<>();
    secretInputs.forEach((k, v) -> sealed.put(k, box.seal(id, k, v)));
    store.createRun(id, def, input, sealed, requester, clock.millis());
    scheduleSteps(
        id,
        Progression.runnable(
            def,
            def.steps().stream()
                .collect(java.util.stream.Collectors.toMap(Step::id, s -> StepState.PENDING))));
    return id;
  }

  @Override
  public ApprovalOutcome approve(RunId runId, String stepId, String approver, String reason) {
    return decide(runId, stepId, true, approver, reason);
  }

  @Override
  public ApprovalOutcome reject(RunId runId, String stepId, String approver, String reason) {
    return decide(runId, stepId, false, approver, reason);
  }

  private ApprovalOutcome decide(
      RunId runId, String stepId, boolean approve, String by, String reason) {
    requireStarted();
    if (by == null || by.isBlank()) {
      throw new IllegalArgumentException("approver must not be blank");
    }
    Optional<WorkflowDefinition> def = definitionOf(runId);
    if (def.isEmpty()) {
      return new ApprovalOutcome.NotWaiting("no run " + runId + " of a registered workflow");
    }
    var result =
        commands.decide(
            runId,
            def.get(),
            stepId,
            approve,
            by,
            reason,
            config.allowSelfApproval,
            clock.millis());
    scheduleSteps(runId, result.steps());
    dispatcher.wake();
    return result.outcome();
  }

  @Override
  public ActionOutcome cancel(RunId runId, String actor) {
    requireStarted();
    var result = commands.cancel(runId, actor, clock.millis());
    for (String stepId : result.steps()) {
      try {
        scheduler.cancel(TaskInstanceId.of(STEP_TASK, runId.value() + "/" + stepId));
      } catch (RuntimeException notScheduledOrRunning) {
        // the task will find the run cancelled and end itself
      }
    }
    dispatcher.wake();
    return result.outcome();
  }

  @Override
  public ActionOutcome rollback(RunId runId, String actor) {
    requireStarted();
    var result = commands.startRollback(runId, actor, clock.millis());
    if (result.outcome() instanceof ActionOutcome.Accepted) {
      scheduleRollback(runId);
    }
    return result.outcome();
  }

  private void scheduleRollback(RunId runId) {
    try {
      scheduler.scheduleIfNotExists(rollbackTask.instance(runId.value(), 0), clock.instant());
      scheduler.triggerCheckForDueExecutions();
    } catch (com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException alreadyScheduled) {
      LOG.debug("rollback of run {} was scheduled concurrently", runId);
    }
  }

  @Override
  public ActionOutcome resume(RunId runId, String actor) {
    requireStarted();
    Optional<WorkflowDefinition> def = definitionOf(runId);
    if (def.isEmpty()) {
      return new ActionOutcome.Refused("no run " + runId + " of a registered workflow");
    }
    var result = commands.resume(runId, def.get(), actor, clock.millis());
    scheduleSteps(runId, result.steps());
    dispatcher.wake();
    return result.outcome();
  }

  @Override
  public Optional<RunView> run(RunId runId) {
    return queries.run(runId);
  }

  @Override
  public List<RunView> runs(RunFilter filter) {
    return queries.runs(filter);
  }

  @Override
  public List<AuditEntry> audit(RunId runId) {
    return queries.audit(runId);
  }

  @Override
  public Optional<RunView> awaitSettled(RunId runId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<RunView> view = run(runId);
      if (view.isEmpty() || view.get().state().settled()) {
        return view;
      }
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      Thread.sleep(5);
    }
  }

  private static String defaultName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "host";
    }
    String n = host + "-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
    return n.length() > 50 ? n.substring(n.length() - 50) : n;
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
