package dev.trunkbot.portsip;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** Builds a {@link PortSipClient}; every seam has a production default. */
public final class PortSipClientBuilder {
  private final PortSipConfig config;
  private Clock clock = Clock.systemUTC();
  private Retry retry = Retry.DEFAULT;
  private Retry.Sleeper sleeper = Retry.Sleeper.REAL;
  private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
  private Optional<HttpClient> http = Optional.empty();

  PortSipClientBuilder(PortSipConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Time for token expiry and Retry-After dates. */
  public PortSipClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public PortSipClientBuilder retry(Retry retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /** How waits between retries happen; tests pass one that does not sleep. */
  public PortSipClientBuilder sleeper(Retry.Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /** Source of the jitter (uniform in [0,1)). */
  public PortSipClientBuilder jitter(DoubleSupplier random) {
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /** Replaces the HTTP client (its TLS settings then replace PORTSIP_CA_FILE's). */
  public PortSipClientBuilder httpClient(HttpClient client) {
    this.http = Optional.of(client);
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
    Wire wire = new Wire(config.apiBase(), client, clock, retry, sleeper, random);
    return new PortSipClient(config, new Api(wire, new Session(config, wire, clock)));
  }
}
