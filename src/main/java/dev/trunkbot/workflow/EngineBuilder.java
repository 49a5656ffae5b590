package dev.trunkbot.workflow;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.sql.DataSource;

/** Configures an {@link Engine}. Setters fail fast with a message that says what was wrong. */
public final class EngineBuilder {
  DataSource dataSource;
  SecretKey secretKey;
  Clock clock = Clock.systemUTC();
  Duration pollInterval = Duration.ofMillis(100);
  Duration heartbeat = Duration.ofMillis(500);
  int missedHeartbeats = 4;
  Duration reconcileInterval = Duration.ofSeconds(5);
  int workerThreads = 10;
  int defaultResourceLimit = 20;
  boolean allowSelfApproval;
  boolean worker = true;
  Duration shutdownTimeout = Duration.ofSeconds(10);
  Duration consumerLease = Duration.ofSeconds(10);
  boolean clusterLimits = true;
  Duration permitLease = Duration.ofSeconds(10);
  String name;
  EngineObserver observer = EngineObserver.NONE;
  final List<String> moreMigrations = new ArrayList<>();
  final Map<String, Integer> resourceLimits = new HashMap<>();
  final List<WorkflowListener> listeners = new ArrayList<>();
  final Map<String, WorkflowDefinition> definitions = new LinkedHashMap<>();

  EngineBuilder() {}

  /**
   * Required: where runs live (see {@link Databases}). Migrations run on {@link Engine#start()}.
   */
  public EngineBuilder dataSource(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    return this;
  }

  /** Required: the AES-256 key for stored secrets (see {@link SecretKeys}). */
  public EngineBuilder secretKey(SecretKey key) {
    Objects.requireNonNull(key, "secretKey must not be null");
    if (key.getEncoded() == null
        || key.getEncoded().length != 32
        || !"AES".equals(key.getAlgorithm())) {
      throw new IllegalArgumentException(
          "secretKey must be an AES key of 32 bytes (use SecretKeys)");
    }
    this.secretKey = key;
    return this;
  }

  /** Time source for stored timestamps, expiry and retry times (default: system UTC). */
  public EngineBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    return this;
  }

  /** How often db-scheduler looks for due tasks (retries, other replicas' work). Default 100 ms. */
  public EngineBuilder pollInterval(Duration interval) {
    this.pollInterval = positive("pollInterval", interval);
    return this;
  }

  /**
   * Heartbeat of running steps and how many may be missed before another process takes the step
   * over (default 500 ms x 4 = 2 s: a restarted process resumes an interrupted step within about 3
   * s).
   */
  public EngineBuilder heartbeat(Duration interval, int missedLimit) {
    this.heartbeat = positive("heartbeat", interval);
    if (missedLimit < 2) {
      throw new IllegalArgumentException(
          "missed heartbeats limit must be >= 2, got " + missedLimit);
    }
    this.missedHeartbeats = missedLimit;
    return this;
  }

  /**
   * How often the engine re-checks active runs for steps that should be queued (crash gaps,
   * expiry). Default 5 s.
   */
  public EngineBuilder reconcileInterval(Duration interval) {
    this.reconcileInterval = positive("reconcileInterval", interval);
    return this;
  }

  /** Steps executed at once by this engine (default 10). */
  public EngineBuilder workerThreads(int n) {
    if (n < 1 || n > 500) {
      throw new IllegalArgumentException("workerThreads must be within 1..500, got " + n);
    }
    this.workerThreads = n;
    return this;
  }

  /**
   * At most {@code permits} calls to {@code resource} in flight, across all runs and every process
   */
  public EngineBuilder resourceLimit(String resource, int permits) {
    if (resource == null || resource.isBlank()) {
      throw new IllegalArgumentException("resource name must not be blank");
    }
    if (permits < 1) {
      throw new IllegalArgumentException(
          "limit of resource '" + resource + "' must be >= 1, got " + permits);
    }
    resourceLimits.put(resource, permits);
    return this;
  }

  /** Limit of resources without their own limit (default 20). */
  public EngineBuilder defaultResourceLimit(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("default resource limit must be >= 1, got " + permits);
    }
    this.defaultResourceLimit = permits;
    return this;
  }

  /**
   * A worker (the default) executes steps and delivers events to consumers; a client only reads and
   * writes runs and schedules work for workers.
   */
  public EngineBuilder worker(boolean worker) {
    this.worker = worker;
    return this;
  }

  /**
   * How long {@link Engine#close()} waits for running steps before releasing them to another
   * process (default 10 s).
   */
  public EngineBuilder shutdownTimeout(Duration timeout) {
    this.shutdownTimeout = positive("shutdownTimeout", timeout);
    return this;
  }

  /**
   * How long a consumer's lease lasts without renewal: how soon another process takes over the
   * deliveries of one that died (default 10 s).
   */
  public EngineBuilder consumerLease(Duration lease) {
    this.consumerLease = positive("consumerLease", lease);
    return this;
  }

  /**
   * Whether resource limits hold across every process on the database (the default), or per process
   * only. Permits of a process that died return when {@code lease} runs out (default 10 s); a live
   * process renews them.
   */
  public EngineBuilder clusterLimits(boolean across, Duration lease) {
    this.clusterLimits = across;
    this.permitLease = positive("permit lease", lease);
    return this;
  }

  /** Receives every event stored from the engine's start on, in this process (not consumed). */
  public EngineBuilder listener(WorkflowListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    return this;
  }

  /** Told how every step attempt ends and how long it took (metrics). */
  public EngineBuilder observer(EngineObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer must not be null");
    return this;
  }

  /** Whether the requester of a run may approve its steps (default false). */
  public EngineBuilder allowSelfApproval(boolean allow) {
    this.allowSelfApproval = allow;
    return this;
  }

  /** Name of this engine in db-scheduler's picked_by column (default host-pid-n). */
  public EngineBuilder name(String name) {
    if (name == null || name.isBlank() || name.length() > 50) {
      throw new IllegalArgumentException("engine name must be 1-50 characters, got '" + name + "'");
    }
    this.name = name;
    return this;
  }

  public EngineBuilder register(WorkflowDefinition definition) {
    Objects.requireNonNull(definition, "definition must not be null");
    if (definitions.putIfAbsent(definition.name(), definition) != null) {
      throw new IllegalArgumentException(
          "workflow '" + definition.name() + "' is already registered");
    }
    return this;
  }

  /** Migrations from one more location, as a newer version would bring them (upgrade tests). */
  EngineBuilder moreMigrations(String location) {
    moreMigrations.add(Objects.requireNonNull(location, "location"));
    return this;
  }

  public Engine build() {
    if (dataSource == null) {
      throw new IllegalStateException(
          "dataSource is required (Databases.fromEnvironment(System.getenv()))");
    }
    if (secretKey == null) {
      throw new IllegalStateException(
          "secretKey is required (SecretKeys.fromEnvironment(System.getenv(), home))");
    }
    if (definitions.isEmpty()) {
      throw new IllegalStateException("register at least one workflow definition");
    }
    return new DefaultEngine(this);
  }

  private static Duration positive(String what, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
    return d;
  }
}
