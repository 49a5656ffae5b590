package dev.trunkbot.service;

import dev.trunkbot.trunk.TrunkDraft;
import dev.trunkbot.trunk.TrunkSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The application: what every front end (the command line, Slack) asks of trunkbot. It validates,
 * applies the approval policy and one-active-run-per-trunk, and answers in plain records that front
 * ends render; front ends hold no product rule of their own.
 *
 * <p>Methods that read Twilio or PortSIP ({@link #plan}, {@link #status}) are slow: front ends that
 * must answer quickly call them after acknowledging. Run ids that name no run throw {@link
 * NoSuchRunException}.
 */
public interface TrunkService extends AutoCloseable {

  /** True when Twilio or PortSIP is the embedded emulator (everything says SANDBOX). */
  boolean sandbox();

  /** One line for people: where Twilio and PortSIP are. */
  String describe();

  /** The approval policy, to say who may decide. */
  ApprovalPolicy policy();

  /** The draft checked by the domain's rules; touches nothing. */
  Validation validate(TrunkDraft draft);

  /**
   * What a run of {@code spec} would create, change or leave on both sides, read without changing
   * anything.
   *
   * @throws ServiceUnavailableException Twilio or PortSIP could not be read; says what to fix
   */
  PlanSummary plan(TrunkSpec spec);

  /**
   * Starts a run of the guide for {@code spec}, unless another run of the same trunk is active
   * (refused, naming it) or this requester already started this very spec (that run, {@link
   * CreateOutcome.AlreadyStarted}).
   */
  CreateOutcome create(TrunkSpec spec, Actor requester, CreateOptions options);

  /** A run as it stands. */
  RunSummary run(String runId);

  /** The recent runs, newest first. */
  List<RunSummary> list(int limit);

  /**
   * A trunk's latest run (found by its friendly name, termination label or URI) and its drift.
   * Empty when no run of such a trunk exists.
   */
  Optional<TrunkReport> status(String trunk);

  DecisionOutcome approve(String runId, Actor actor, String reason);

  DecisionOutcome reject(String runId, Actor actor, String reason);

  /** Runs a failed run's failed steps again (and those whose resources are gone). */
  ActionResult resume(String runId, Actor actor);

  /** Undoes what the run made, in reverse order; refused when a newer run of the trunk exists. */
  ActionResult rollback(String runId, Actor actor);

  /** Stops an active run where it stands; what it made stays (roll it back to undo). */
  ActionResult cancel(String runId, Actor actor);

  /**
   * Waits until nothing in the run moves without a person (woken by its events), and answers it;
   * empty when the time ran out first.
   */
  Optional<RunSummary> awaitSettled(String runId, Duration timeout) throws InterruptedException;

  /** Attaches a note to a run (a Slack channel and message ts), kept with it. */
  void note(String runId, String key, String value);

  /**
   * Receives the events of one run ({@code runId} present) or of all runs, from now on, while this
   * process lives. Nothing is consumed: other subscribers and consumers see the same events.
   */
  Subscription subscribe(Optional<String> runId, RunListener listener);

  /**
   * Receives every event once per {@code consumer} name across all processes (workers only): a
   * restarted consumer resumes after its last event, and of two processes with the same consumer
   * only one receives at a time.
   *
   * @throws IllegalStateException in a process opened as a {@link Role#CLIENT}
   */
  Subscription consume(String consumer, RunListener listener);

  /** Stops taking work, lets in-flight steps finish or releases them (bounded), then closes. */
  @Override
  void close();
}
