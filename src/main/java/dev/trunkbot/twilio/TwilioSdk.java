package dev.trunkbot.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The twilio-java client plus the translation of its exceptions into {@link TwilioFailure} under
 * the retry policy.
 */
final class TwilioSdk {
  final TwilioRestClient client;
  final String accountSid;
  final long pageSize;
  private final BaseUrlHttpClient http;
  private final RetryPolicy retry;

  TwilioSdk(TwilioConfig config, RetryPolicy retry, int pageSize) {
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException(
          "pageSize must be 1-1000 (Twilio's PageSize), got " + pageSize);
    }
    this.http = new BaseUrlHttpClient(config.baseUrl());
    // No region or edge: with a base URL they would be spliced into a host that is not twilio.com.
    this.client =
        new TwilioRestClient.Builder(config.username(), config.secret())
            .accountSid(config.accountSid())
            .httpClient(http)
            .build();
    this.accountSid = config.accountSid();
    this.retry = retry;
    this.pageSize = pageSize;
  }

  /** Runs one idempotent unit (finds before it creates) under the retry policy. */
  <T> T call(String operation, Supplier<T> body) {
    return retry.run(
        operation,
        () -> {
          try {
            return body.get();
          } catch (ApiException e) {
            throw failure(operation, e);
          } catch (ApiConnectionException e) {
            throw new TwilioFailure(operation, 0, 0, e.getMessage(), "", true, Optional.empty(), e);
          }
        });
  }

  /**
   * A delete: true when it removed the resource, false when Twilio says it was already gone (404).
   */
  boolean delete(String operation, BooleanSupplier body) {
    try {
      return call(operation, body::getAsBoolean);
    } catch (TwilioFailure f) {
      if (f.status() == 404) {
        return false;
      }
      throw f;
    }
  }

  static <T> List<T> all(Iterable<T> pages) {
    List<T> out = new ArrayList<>();
    pages.forEach(out::add);
    return out;
  }

  private TwilioFailure failure(String operation, ApiException e) {
    Optional<Duration> retryAfter = http.takeRetryAfter();
    Integer status = e.getStatusCode();
    if (status == null) {
      // no HTTP answer at all (connection refused, reset, timed out)
      return new TwilioFailure(operation, 0, 0, e.getMessage(), "", true, Optional.empty(), e);
    }
    int code = e.getCode() == null ? 0 : e.getCode();
    return new TwilioFailure(
        operation,
        code,
        status,
        e.getMessage(),
        e.getMoreInfo(),
        TwilioFailure.isRetryableStatus(status),
        retryAfter,
        e);
  }
}
