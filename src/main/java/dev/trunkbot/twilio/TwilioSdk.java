package dev.trunkbot.twilio;

import com.twilio.base.Page;
import com.twilio.base.Reader;
import com.twilio.base.Resource;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import dev.trunkbot.port.CallObserver;
import dev.trunkbot.port.Retrier;
import dev.trunkbot.port.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The twilio-java client, the translation of its exceptions into {@link TwilioFailure}, and the
 * retry of every single request under the {@link RetryPolicy}: a list page, a fetch, an update, a
 * delete is sent again as it is; a create is sent again only after looking for what it may have
 * made.
 */
final class TwilioSdk {
  private static final Logger log = LoggerFactory.getLogger(TwilioSdk.class);
  static final String VENDOR = "twilio";

  final TwilioRestClient client;
  final String accountSid;
  final long pageSize;
  private final BaseUrlHttpClient http;
  private final Retrier retrier;
  private final String credentialVariables;

  private final CallObserver observer;

  TwilioSdk(TwilioConfig config, RetryPolicy retry, int pageSize, CallObserver observer) {
    this.observer = observer;
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
    this.pageSize = pageSize;
    this.credentialVariables =
        config.username().equals(config.accountSid())
            ? TwilioConfig.ACCOUNT_SID + " and " + TwilioConfig.AUTH_TOKEN
            : TwilioConfig.API_KEY + " and " + TwilioConfig.API_SECRET;
    this.retrier =
        new Retrier(
            retry,
            new Retrier.Failures() {
              @Override
              public boolean retryable(RuntimeException failure) {
                return failure instanceof TwilioFailure f && f.retryable();
              }

              @Override
              public Optional<Duration> retryAfter(RuntimeException failure) {
                return failure instanceof TwilioFailure f ? f.retryAfter() : Optional.empty();
              }
            },
            (operation, attempt, failure, wait) -> {
              int status = failure instanceof TwilioFailure f ? f.status() : 0;
              observer.retrying(VENDOR, operation, status);
              try (MDC.MDCCloseable v = MDC.putCloseable("vendor", VENDOR);
                  MDC.MDCCloseable s = MDC.putCloseable("status", Integer.toString(status))) {
                log.info(
                    "{}: try {}/{} failed ({}); trying again in {} ms",
                    operation,
                    attempt,
                    retry.maxAttempts(),
                    failure.getMessage(),
                    wait.toMillis());
              }
            });
  }

  /** One request that may be sent again as it is (a read, an update, a delete). */
  <T> T request(String operation, Supplier<T> body) {
    return retrier.request(operation, () -> translated(operation, body));
  }

  /**
   * One create: after an ambiguous failure (no answer, 5xx) {@code findAgain} looks for what it may
   * have made before the create is sent again; what it finds is the create's.
   */
  <T> T create(String operation, Supplier<T> body, Supplier<Optional<T>> findAgain) {
    return retrier.create(operation, () -> translated(operation, body), findAgain);
  }

  /** Every record of a list, each page its own retried request. */
  <T extends Resource> List<T> list(String operation, Reader<T> reader) {
    List<T> out = new ArrayList<>();
    Page<T> page = request(operation, () -> reader.firstPage(client));
    out.addAll(page.getRecords());
    while (page.hasNextPage()) {
      Page<T> current = page;
      page = request(operation, () -> reader.nextPage(current, client));
      out.addAll(page.getRecords());
    }
    return out;
  }

  /** A fetch: empty when Twilio says 404. */
  <T> Optional<T> fetch(String operation, Supplier<T> body) {
    try {
      return Optional.of(request(operation, body));
    } catch (TwilioFailure f) {
      if (f.status() == 404) {
        return Optional.empty();
      }
      throw f;
    }
  }

  /**
   * A delete: true when it removed the resource, false when Twilio says it was already gone (404).
   */
  boolean delete(String operation, BooleanSupplier body) {
    try {
      return request(operation, body::getAsBoolean);
    } catch (TwilioFailure f) {
      if (f.status() == 404) {
        return false;
      }
      throw f;
    }
  }

  private <T> T translated(String operation, Supplier<T> body) {
    long start = System.nanoTime();
    int status = 0;
    try (MDC.MDCCloseable v = MDC.putCloseable("vendor", VENDOR);
        MDC.MDCCloseable o = MDC.putCloseable("operation", operation)) {
      T result = body.get();
      status = http.takeStatus();
      return result;
    } catch (ApiException e) {
      TwilioFailure f = failure(operation, e);
      status = f.status();
      throw f;
    } catch (ApiConnectionException e) {
      throw new TwilioFailure(operation, 0, 0, e.getMessage(), "", true, Optional.empty(), e);
    } finally {
      observer.called(VENDOR, operation, status, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private TwilioFailure failure(String operation, ApiException e) {
    Optional<Duration> retryAfter = http.takeRetryAfter();
    Integer status = e.getStatusCode();
    if (status == null) {
      // no HTTP answer at all (connection refused, reset, timed out)
      return new TwilioFailure(operation, 0, 0, e.getMessage(), "", true, Optional.empty(), e);
    }
    int code = e.getCode() == null ? 0 : e.getCode();
    String message = e.getMessage();
    if (status == 401 || code == 20003) {
      message =
          "Twilio refused the credentials of account "
              + accountSid
              + ": check "
              + credentialVariables;
    }
    return new TwilioFailure(
        operation,
        code,
        status,
        message,
        e.getMoreInfo(),
        RetryPolicy.retryableStatus(status),
        retryAfter,
        e);
  }
}
