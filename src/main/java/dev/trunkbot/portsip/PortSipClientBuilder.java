package dev.trunkbot.portsip;

import dev.trunkbot.port.CallObserver;
import dev.trunkbot.port.Retrier;
import dev.trunkbot.port.RetryPolicy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Builds a {@link PortSipClient}; every seam has a production default. */
public final class PortSipClientBuilder {
  private static final Logger log = LoggerFactory.getLogger(PortSipClient.class);
  private final PortSipConfig config;
  private Clock clock = Clock.systemUTC();
  private RetryPolicy retry = RetryPolicy.standard();
  private Optional<RetryPolicy.Sleeper> sleeper = Optional.empty();
  private Optional<DoubleSupplier> jitter = Optional.empty();
  private Optional<HttpClient> http = Optional.empty();
  private CallObserver observer = CallObserver.NONE;

  PortSipClientBuilder(PortSipConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Time for token expiry and Retry-After dates. */
  public PortSipClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** How often and how long apart one request is tried (default {@link RetryPolicy#standard}). */
  public PortSipClientBuilder retry(RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /** How waits between retries happen; tests pass one that does not sleep. */
  public PortSipClientBuilder sleeper(RetryPolicy.Sleeper sleeper) {
    this.sleeper = Optional.of(Objects.requireNonNull(sleeper, "sleeper"));
    return this;
  }

  /** Source of the jitter (uniform in [0,1)). */
  public PortSipClientBuilder jitter(DoubleSupplier random) {
    this.jitter = Optional.of(Objects.requireNonNull(random, "random"));
    return this;
  }

  /** Replaces the HTTP client (its TLS settings then replace PORTSIP_CA_FILE's). */
  public PortSipClientBuilder httpClient(HttpClient client) {
    this.http = Optional.of(client);
    return this;
  }

  /** Told of every request and retry (metrics). */
  public PortSipClientBuilder observer(CallObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    return this;
  }

  public PortSipClient build() {
    HttpClient client =
        http.orElseGet(
            () ->
                HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .sslContext(TlsTrust.sslContext(config.caFile()))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build());
    RetryPolicy policy = retry;
    if (sleeper.isPresent()) {
      policy = policy.withSleeper(sleeper.get());
    }
    if (jitter.isPresent()) {
      policy = policy.withJitter(jitter.get());
    }
    Wire wire = new Wire(config.apiBase(), client, clock, observer);
    CallObserver told = observer;
    Retrier retrier =
        new Retrier(
            policy,
            new Failures(),
            (operation, attempt, failure, wait) -> {
              int status = failure instanceof PortSipFailure f ? f.status() : 0;
              told.retrying("portsip", Wire.withoutIds(operation), status);
              retrying(operation, attempt, failure, wait, status);
            });
    return new PortSipClient(config, new Api(wire, new Session(config, wire, clock), retrier));
  }

  private static void retrying(
      String operation, int attempt, RuntimeException failure, Duration wait, int status) {
    try (MDC.MDCCloseable v = MDC.putCloseable("vendor", "portsip");
        MDC.MDCCloseable s = MDC.putCloseable("status", Integer.toString(status))) {
      log.info(
          "PortSIP {}: try {} failed ({}); trying again in {} ms",
          operation,
          attempt,
          failure.getMessage(),
          wait.toMillis());
    }
  }

  /** 429, a 5xx and no answer are worth another try; a refusal or a TLS distrust are not. */
  private static final class Failures implements Retrier.Failures {
    @Override
    public boolean retryable(RuntimeException failure) {
      if (failure instanceof PortSipFailure f) {
        return RetryPolicy.retryableStatus(f.status());
      }
      return failure instanceof PortSipException e
          && e.reason() == PortSipException.Reason.UNREACHABLE;
    }

    @Override
    public Optional<Duration> retryAfter(RuntimeException failure) {
      return failure instanceof PortSipFailure f ? f.retryAfter() : Optional.empty();
    }
  }
}
