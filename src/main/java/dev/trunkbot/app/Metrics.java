package dev.trunkbot.app;

import dev.trunkbot.port.CallObserver;
import dev.trunkbot.service.Activity;
import dev.trunkbot.service.RunStatus;
import dev.trunkbot.workflow.EngineObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * trunkbot's metrics in Prometheus' text format, through Micrometer: what the engine's and the
 * vendor adapters' observers report (steps, vendor calls, retries, 429s), Slack's acknowledgements,
 * and the activity read from the database at each scrape (runs by state, approvals waiting, event
 * backlogs, permits in use). Labels are fixed words: step ids, vendor operations, HTTP statuses,
 * Slack handlers; never a phone number or a secret.
 */
final class Metrics implements CallObserver, EngineObserver {
  private static final Pattern HANDLER =
      Pattern.compile(
          "/trunk( (create|plan|status|list|rollback|help))?|(block|view) [a-z_]{1,40}|[A-Z_]+");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

  Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  @Override
  public void called(String vendor, String operation, int status, Duration took) {
    Timer.builder("trunkbot.vendor.calls")
        .description("Requests sent to Twilio and PortSIP, by operation and HTTP status (0: none)")
        .tags("vendor", vendor, "operation", operation, "status", Integer.toString(status))
        .register(registry)
        .record(took);
    if (status == 429) {
      Counter.builder("trunkbot.vendor.rate.limited")
          .description("Answers 429 Too Many Requests seen from a vendor")
          .tags("vendor", vendor)
          .register(registry)
          .increment();
    }
  }

  @Override
  public void retrying(String vendor, String operation, int status) {
    Counter.builder("trunkbot.vendor.retries")
        .description("Requests tried again after a 429, a 5xx or no answer")
        .tags("vendor", vendor, "operation", operation, "status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  @Override
  public void stepAttempted(String workflow, String stepId, Outcome outcome, Duration took) {
    Timer.builder("trunkbot.step.duration")
        .description("Step attempts from start to outcome, by step id and outcome")
        .tags("step", stepId, "outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .record(took);
  }

  /** One Slack acknowledgement: which handler, and how long from receipt to ack. */
  void acked(String handler, Duration took) {
    Timer.builder("trunkbot.slack.acks")
        .description("Slack requests acknowledged, by handler, and the time to acknowledge")
        .tags("handler", HANDLER.matcher(handler).matches() ? handler : "/trunk other")
        .publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofSeconds(3))
        .register(registry)
        .record(took);
  }

  /**
   * Reads the activity ({@code activity} throws when the database does not answer; then the
   * activity gauges keep their last values and the scrape still answers).
   */
  String scrape(Supplier<Activity> activity) {
    try {
      record(activity.get());
    } catch (RuntimeException unreadable) {
      gauge("trunkbot.database.up", "1 when the last read of the database succeeded", Map.of())
          .set(0);
      return registry.scrape();
    }
    gauge("trunkbot.database.up", "1 when the last read of the database succeeded", Map.of())
        .set(1);
    return registry.scrape();
  }

  private void record(Activity a) {
    for (RunStatus s : RunStatus.values()) {
      gauge("trunkbot.runs", "Runs in each state, across every process", Map.of("state", s.name()))
          .set(a.runs().getOrDefault(s, 0L));
    }
    gauge("trunkbot.approvals.waiting", "Approval requests no one has decided yet", Map.of())
        .set(a.approvalsWaiting());
    gauge(
            "trunkbot.approvals.oldest.age.seconds",
            "How long the oldest undecided approval request has waited",
            Map.of())
        .set(a.oldestApproval().toSeconds());
    zero("trunkbot.events.backlog");
    zero("trunkbot.permits.in.use");
    a.backlog()
        .forEach(
            (consumer, n) ->
                gauge(
                        "trunkbot.events.backlog",
                        "Run events a consumer (the Slack status board) has not handled yet",
                        Map.of("consumer", consumer))
                    .set(n));
    a.permitsInUse()
        .forEach(
            (resource, n) ->
                gauge(
                        "trunkbot.permits.in.use",
                        "Vendor calls at once held across every process (the limit's permits)",
                        Map.of("vendor", resource))
                    .set(n));
  }

  /** Gauges of {@code name} not in this reading show 0, not their last value. */
  private void zero(String name) {
    gauges.forEach(
        (key, value) -> {
          if (key.startsWith(name + "{")) {
            value.set(0);
          }
        });
  }

  private AtomicLong gauge(String name, String description, Map<String, String> tags) {
    String key = name + tags;
    return gauges.computeIfAbsent(
        key,
        k -> {
          AtomicLong value = new AtomicLong();
          Gauge.Builder<AtomicLong> b =
              Gauge.builder(name, value, AtomicLong::doubleValue).description(description);
          tags.forEach(b::tag);
          b.register(registry);
          return value;
        });
  }
}
