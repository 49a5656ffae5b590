package dev.trunkbot.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One node of a workflow. Build with {@link #builder(String, String)}. */
public final class Step {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");

  private final String id;
  private final String title;
  private final List<String> dependsOn;
  private final StepAction action;
  private final Optional<UndoAction> undo;
  private final boolean approvalRequired;
  private final Optional<Duration> approvalExpiry;
  private final RetryPolicy retry;
  private final Duration timeout;
  private final Optional<String> resource;

  private Step(Builder b) {
    this.id = b.id;
    this.title = b.title;
    this.dependsOn = List.copyOf(b.dependsOn);
    this.action =
        Objects.requireNonNull(b.action, () -> "step '" + b.id + "' has no execute action");
    this.undo = Optional.ofNullable(b.undo);
    this.approvalRequired = b.approvalRequired;
    this.approvalExpiry = Optional.ofNullable(b.approvalExpiry);
    this.retry = b.retry;
    this.timeout = b.timeout;
    this.resource = Optional.ofNullable(b.resource);
  }

  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public List<String> dependsOn() {
    return dependsOn;
  }

  public StepAction action() {
    return action;
  }

  public Optional<UndoAction> undo() {
    return undo;
  }

  public boolean approvalRequired() {
    return approvalRequired;
  }

  public Optional<Duration> approvalExpiry() {
    return approvalExpiry;
  }

  public RetryPolicy retry() {
    return retry;
  }

  public Duration timeout() {
    return timeout;
  }

  public Optional<String> resource() {
    return resource;
  }

  @Override
  public String toString() {
    return "Step["
        + id
        + " '"
        + title
        + "' dependsOn="
        + dependsOn
        + (approvalRequired ? " approval" : "")
        + "]";
  }

  /** Fail-fast builder. */
  public static final class Builder {
    private final String id;
    private final String title;
    private List<String> dependsOn = List.of();
    private StepAction action;
    private UndoAction undo;
    private boolean approvalRequired;
    private Duration approvalExpiry;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private Duration timeout = Duration.ofMinutes(5);
    private String resource;

    private Builder(String id, String title) {
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "step id must match " + ID.pattern() + ", got '" + id + "'");
      }
      if (title == null || title.isBlank()) {
        throw new IllegalArgumentException("step '" + id + "' needs a title for people");
      }
      this.id = id;
      this.title = title;
    }

    public Builder dependsOn(String... stepIds) {
      this.dependsOn = List.of(stepIds);
      return this;
    }

    public Builder execute(StepAction action) {
      this.action = Objects.requireNonNull(action, "action");
      return this;
    }

    public Builder undo(UndoAction undo) {
      this.undo = Objects.requireNonNull(undo, "undo");
      return this;
    }

    /** The step waits in WAITING_APPROVAL before it executes, until approved. */
    public Builder requiresApproval() {
      this.approvalRequired = true;
      return this;
    }

    /**
     * As {@link #requiresApproval()}, and the request expires (the run fails) after {@code expiry}.
     */
    public Builder requiresApproval(Duration expiry) {
      if (expiry == null || expiry.isZero() || expiry.isNegative()) {
        throw new IllegalArgumentException(
            "approval expiry of step '" + id + "' must be positive, got " + expiry);
      }
      this.approvalRequired = true;
      this.approvalExpiry = expiry;
      return this;
    }

    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException(
            "timeout of step '" + id + "' must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The step's own call takes a permit of this resource's process-wide limit (e.g. "twilio"). */
    public Builder resource(String resource) {
      if (resource == null || resource.isBlank()) {
        throw new IllegalArgumentException("resource name of step '" + id + "' must not be blank");
      }
      this.resource = resource;
      return this;
    }

    public Step build() {
      return new Step(this);
    }
  }
}
