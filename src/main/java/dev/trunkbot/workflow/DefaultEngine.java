package dev.trunkbot.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: each runnable step is a db-scheduler one-time task "runId/stepId"; rollback is a task
 * per run. A worker executes tasks and delivers events to consumers; a client only reads and writes
 * runs and schedules tasks for workers to pick up.
 */
final class DefaultEngine implements Engine {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultEngine.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  static final String STEP_TASK = "trunkbot-step";
  static final String ROLLBACK_TASK = "trunkbot-rollback";

  private final EngineBuilder config;
  private final Clock clock;
  private final String name;
  private final Map<String, WorkflowDefinition> definitions;
  private final Jdbc jdbc;
  private final RunStore store;
  private final RunCommands commands;
  private final RunQueries queries;
  private final SecretBox box;
  private final LiveFeed feed;
  private final Consumers consumers;
  private final Optional<ClusterPermits> permits;
  private final ResourceLimits limits;
  private final ExecutorService stepPool = Executors.newCachedThreadPool(daemon("wf-step"));
  private final ExecutorService fanOutPool = Executors.newCachedThreadPool(daemon("wf-fanout"));
  private final ScheduledExecutorService housekeeping =
      Executors.newSingleThreadScheduledExecutor(daemon("wf-housekeeping"));
  private final CustomTask<Void> stepTask;
  private final CustomTask<Integer> rollbackTask;
  private volatile SchedulerClient tasks;
  private volatile Scheduler scheduler;
  private volatile boolean closed;

  DefaultEngine(EngineBuilder b) {
    this.config = b;
    this.clock = b.clock;
    this.name = b.name != null ? b.name : defaultName();
    this.definitions = Map.copyOf(b.definitions);
    this.jdbc = new Jdbc(b.dataSource);
    this.store = new RunStore(jdbc);
    this.commands = new RunCommands(jdbc);
    this.queries = new RunQueries(jdbc, n -> Optional.ofNullable(definitions.get(n)));
    this.box = new SecretBox(b.secretKey);
    this.feed = new LiveFeed(jdbc, b.pollInterval.toMillis(), daemon("wf-events"));
    this.consumers =
        new Consumers(
            jdbc,
            clock,
            name,
            b.pollInterval.toMillis(),
            b.consumerLease.toMillis(),
            daemon("wf-consumer"));
    this.permits =
        b.clusterLimits
            ? Optional.of(new ClusterPermits(jdbc, clock, name, b.permitLease.toMillis()))
            : Optional.<ClusterPermits>empty();
    this.limits = new ResourceLimits(b.resourceLimits, b.defaultResourceLimit, permits);
    DefaultStepContext.ProgressSink progress =
        (run, step, done, total, note) -> {
          store.progress(run, step, done, total, note, clock.millis());
          eventsStored();
        };
    StepRunner runner =
        new StepRunner(
            store,
            box,
            limits,
            stepPool,
            fanOutPool,
            clock,
            progress,
            this::eventsStored,
            b.observer);
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

  private void eventsStored() {
    feed.wake();
    consumers.wake();
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
      // this process is stopping: leave the step RUNNING and its task due, so that this or
      // another process runs it again (it finds before it creates). The interrupt is not kept:
      // a database write on an interrupted thread can break the embedded database's file.
      LOG.info("run {} step {}: released at shutdown", runId, stepId);
      return (done, ops) -> ops.reschedule(done, clock.instant());
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
    eventsStored();
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
    SchedulerClient client = tasks;
    if (stepIds.isEmpty() || client == null) {
      return;
    }
    for (String stepId : stepIds) {
      try {
        client.scheduleIfNotExists(
            stepTask.instance(runId.value() + "/" + stepId), clock.instant());
      } catch (TaskInstanceException alreadyScheduled) {
        LOG.debug("step {} of run {} was scheduled concurrently", stepId, runId);
      }
    }
    Scheduler s = scheduler;
    if (s != null) {
      s.triggerCheckForDueExecutions();
    }
  }

  @Override
  public synchronized void start() {
    if (tasks != null) {
      throw new IllegalStateException("engine already started");
    }
    Databases.migrate(config.dataSource, config.moreMigrations);
    config.listeners.forEach(l -> feed.subscribe(Optional.empty(), l));
    // A client holds permits too (a plan, a trunk's status): renewed while it works, whatever it
    // is.
    permits.ifPresent(
        p -> {
          long renew = Math.max(100, config.permitLease.toMillis() / 3);
          housekeeping.scheduleWithFixedDelay(p::renew, renew, renew, TimeUnit.MILLISECONDS);
        });
    if (!config.worker) {
      tasks = SchedulerClient.Builder.create(config.dataSource, stepTask, rollbackTask).build();
      LOG.info("workflow engine {} opened as a client (executes no step)", name);
      return;
    }
    scheduler =
        Scheduler.create(config.dataSource, stepTask, rollbackTask)
            .schedulerName(new SchedulerName.Fixed(name))
            .threads(config.workerThreads)
            .pollingInterval(config.pollInterval)
            .heartbeatInterval(config.heartbeat)
            .missedHeartbeatsLimit(config.missedHeartbeats)
            .enableImmediateExecution()
            .clock(clock::instant)
            .shutdownMaxWait(config.shutdownTimeout)
            .build();
    tasks = scheduler;
    scheduler.start();
    long every = config.reconcileInterval.toMillis();
    housekeeping.scheduleWithFixedDelay(this::reconcile, 0, every, TimeUnit.MILLISECONDS);
    housekeeping.scheduleWithFixedDelay(this::prune, 1, 600, TimeUnit.SECONDS);
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
      eventsStored();
    } catch (RuntimeException e) {
      LOG.warn("reconcile failed: {}", e.getMessage());
    }
  }

  /** Drops events every consumer has handled a day ago, and any event older than 30 days. */
  void prune() {
    try {
      long now = clock.millis();
      long day = Duration.ofDays(1).toMillis();
      int pruned = 0;
      Optional<Long> lowest = Consumers.lowestCursor(jdbc, now - 7 * day);
      long upTo = lowest.orElse(Events.lastId(jdbc));
      pruned +=
          jdbc.inTx(
              c ->
                  Jdbc.update(c, "DELETE FROM wf_event WHERE id <= ? AND at < ?", upTo, now - day));
      pruned += jdbc.inTx(c -> Jdbc.update(c, "DELETE FROM wf_event WHERE at < ?", now - 30 * day));
      if (pruned > 0) {
        LOG.info("pruned {} old events", pruned);
      }
    } catch (RuntimeException e) {
      LOG.warn("pruning events failed: {}", e.getMessage());
    }
  }

  /**
   * Stops polling, lets running steps finish within the shutdown timeout and releases those that do
   * not (another process, or this one restarted, runs them again); then stops deliveries.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    housekeeping.shutdownNow();
    consumers.close();
    if (scheduler != null) {
      scheduler.stop();
    }
    feed.close();
    stepPool.shutdownNow();
    fanOutPool.shutdownNow();
    permits.ifPresent(ClusterPermits::releaseAll);
  }

  private SchedulerClient requireStarted() {
    SchedulerClient client = tasks;
    if (client == null || closed) {
      throw new IllegalStateException("engine not started: call start() first");
    }
    return client;
  }

  @Override
  public StartOutcome start(RunRequest request) {
    requireStarted();
    WorkflowDefinition def = definitions.get(request.workflow());
    if (def == null) {
      throw new IllegalArgumentException(
          "unknown workflow '"
              + request.workflow()
              + "' (registered: "
              + definitions.keySet()
              + ")");
    }
    ObjectNode input = Json.object(request.inputJson());
    RunId id = RunId.random();
    Map<String, String> sealed = new LinkedHashMap<>();
    request.secrets().forEach((k, v) -> sealed.put(k, box.seal(id, k, v)));
    StartOutcome outcome;
    try {
      outcome = store.createRun(id, def, request, input, sealed, clock.millis());
    } catch (IllegalStateException collided) {
      if (request.businessKey().isEmpty()) {
        throw collided;
      }
      // two starts on one key at once: the other one won the key; answer with it
      outcome = store.createRun(id, def, request, input, sealed, clock.millis());
    }
    if (outcome instanceof StartOutcome.Started) {
      scheduleSteps(
          id,
          Progression.runnable(
              def,
              def.steps().stream().collect(Collectors.toMap(Step::id, s -> StepState.PENDING))));
      eventsStored();
    }
    return outcome;
  }

  @Override
  public RunId startRun(
      String workflowName, String inputJson, Map<String, String> secretInputs, String requester) {
    return start(RunRequest.of(workflowName, inputJson, requester).withSecrets(secretInputs))
        .runId();
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
    eventsStored();
    if (result.outcome() instanceof ApprovalOutcome.Decided) {
      try (LogContext.Scope log = LogContext.step(runId, stepId, by)) {
        LOG.info("run {} step {}: {} by {}", runId, stepId, approve ? "approved" : "rejected", by);
      }
    }
    return result.outcome();
  }

  @Override
  public ActionOutcome cancel(RunId runId, String actor) {
    SchedulerClient client = requireStarted();
    var result = commands.cancel(runId, actor, clock.millis());
    for (String stepId : result.steps()) {
      try {
        client.cancel(TaskInstanceId.of(STEP_TASK, runId.value() + "/" + stepId));
      } catch (RuntimeException notScheduledOrRunning) {
        // the task will find the run cancelled and end itself
      }
    }
    eventsStored();
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
      tasks.scheduleIfNotExists(rollbackTask.instance(runId.value(), 0), clock.instant());
      if (scheduler != null) {
        scheduler.triggerCheckForDueExecutions();
      }
    } catch (TaskInstanceException alreadyScheduled) {
      LOG.debug("rollback of run {} was scheduled concurrently", runId);
    }
  }

  @Override
  public ActionOutcome resume(RunId runId, String actor) {
    return resume(runId, actor, Set.of());
  }

  @Override
  public ActionOutcome resume(RunId runId, String actor, Set<String> alsoRerun) {
    requireStarted();
    Optional<WorkflowDefinition> def = definitionOf(runId);
    if (def.isEmpty()) {
      return new ActionOutcome.Refused("no run " + runId + " of a registered workflow");
    }
    var result = commands.resume(runId, def.get(), actor, alsoRerun, clock.millis());
    scheduleSteps(runId, result.steps());
    eventsStored();
    return result.outcome();
  }

  @Override
  public void note(RunId runId, String name, String value) {
    requireStarted();
    store.note(runId, name, value);
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
  public ResourceLimiter limiter(String resource) {
    return limits.get(resource);
  }

  @Override
  public EngineStats stats() {
    return StatsQuery.read(jdbc, clock.millis());
  }

  @Override
  public List<AuditEntry> audit(RunId runId) {
    return queries.audit(runId);
  }

  @Override
  public Registration subscribe(Optional<RunId> runId, WorkflowListener listener) {
    requireStarted();
    return feed.subscribe(runId, listener);
  }

  @Override
  public Registration consume(String consumer, WorkflowListener listener) {
    requireStarted();
    if (!config.worker) {
      throw new IllegalStateException(
          "consumer '" + consumer + "': an engine opened as a client consumes no event");
    }
    return consumers.consume(consumer, listener);
  }

  @Override
  public Optional<RunView> awaitSettled(RunId runId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long seen = feed.seen(runId);
      Optional<RunView> view = run(runId);
      if (view.isEmpty() || settled(view.get())) {
        return view;
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return Optional.empty();
      }
      // woken by the run's next event; the cap is a safety net for a missed wake-up
      feed.await(runId, seen, Math.min(left, 1000));
    }
  }

  /** Settled, and no step still running (a failed run may have others in flight). */
  private static boolean settled(RunView view) {
    return view.state().settled()
        && view.steps().stream().noneMatch(s -> s.state() == StepState.RUNNING);
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
