package dev.trunkbot.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import dev.trunkbot.port.RetryPolicy;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.Header;

/**
 * The {@link HttpClient} under trunkbot's {@code TwilioRestClient}. It makes exactly one attempt
 * per call: the SDK's own retries (3 per 5xx) and the Apache client's (429/503) are turned off so
 * that trunkbot's {@link RetryPolicy} is the only retry layer and honours {@code Retry-After}. With
 * a base URL it sends {@code https://<product>.twilio.com/<path>} to {@code <base>/<path>} (same
 * path and query) and names the original host in {@value #HOST_HEADER}, so one emulator can serve
 * both the trunking and the api products. Without a base URL the request goes to Twilio unchanged.
 */
public final class BaseUrlHttpClient extends HttpClient {
  /**
   * Carries the twilio.com host a rewritten request was meant for, e.g. {@code
   * trunking.twilio.com}.
   */
  public static final String HOST_HEADER = "X-Trunkbot-Twilio-Host";

  private final Optional<URI> base;
  private final NetworkHttpClient network;
  private final ThreadLocal<Duration> retryAfter = new ThreadLocal<>();
  private final ThreadLocal<Integer> lastStatus = new ThreadLocal<>();

  public BaseUrlHttpClient(Optional<URI> baseUrl) {
    this.base = baseUrl.map(u -> URI.create(u.toString().replaceAll("/+$", "")));
    PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
    connections.setDefaultSocketConfig(DEFAULT_SOCKET_CONFIG);
    connections.setDefaultMaxPerRoute(64);
    connections.setMaxTotal(128);
    this.network =
        new NetworkHttpClient(
            HttpClientBuilder.create()
                .useSystemProperties()
                .disableAutomaticRetries()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(DEFAULT_REQUEST_CONFIG));
  }

  /** One attempt only: retries belong to {@link RetryPolicy}. */
  @Override
  public Response reliableRequest(Request request) {
    return makeRequest(request);
  }

  @Override
  public Response reliableRequest(
      Request request, int[] retryCodes, int retries, long delayMillis) {
    return makeRequest(request);
  }

  @Override
  public Response makeRequest(Request request) {
    retryAfter.remove();
    lastStatus.remove();
    Response response =
        network.makeRequest(base.isPresent() ? rewrite(request, base.get()) : request);
    if (response != null) {
      lastStatus.set(response.getStatusCode());
    }
    if (response != null && (response.getStatusCode() == 429 || response.getStatusCode() == 503)) {
      parseRetryAfter(response.getHeaders()).ifPresent(retryAfter::set);
    }
    return response;
  }

  /**
   * The Retry-After of the last answer on this thread, if it was a 429/503 that had one; cleared by
   * reading.
   */
  Optional<Duration> takeRetryAfter() {
    Duration d = retryAfter.get();
    retryAfter.remove();
    return Optional.ofNullable(d);
  }

  /** The HTTP status of the last answer on this thread (0: none); cleared by reading. */
  int takeStatus() {
    Integer s = lastStatus.get();
    lastStatus.remove();
    return s == null ? 0 : s;
  }

  static Optional<Duration> parseRetryAfter(Header[] headers) {
    if (headers == null) {
      return Optional.empty();
    }
    for (Header h : headers) {
      if ("Retry-After".equalsIgnoreCase(h.getName()) && h.getValue() != null) {
        return RetryPolicy.parseRetryAfter(h.getValue(), Clock.systemUTC());
      }
    }
    return Optional.empty();
  }

  static Request rewrite(Request original, URI base) {
    URL from = original.constructURL();
    String query = from.getQuery() == null ? "" : "?" + from.getQuery();
    URL to;
    try {
      to = URI.create(base + from.getPath() + query).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot rewrite " + from.getPath() + " onto " + base, e);
    }
    Request copy = new Rewritten(original, to);
    copy.addHeaderParam(HOST_HEADER, from.getHost());
    return copy;
  }

  /** The original request with another target URL; everything else is copied. */
  private static final class Rewritten extends Request {
    private final URL target;

    Rewritten(Request original, URL target) {
      super(original.getMethod(), target.toString());
      this.target = target;
      if (original.getUsername() != null) {
        setAuth(original.getUsername(), original.getPassword());
      } else if (original.getAuthStrategy() != null) {
        setAuth(original.getAuthStrategy());
      }
      original.getHeaderParams().forEach((k, vs) -> vs.forEach(v -> addHeaderParam(k, v)));
      original.getPostParams().forEach((k, vs) -> vs.forEach(v -> addPostParam(k, v)));
      setContentType(original.getContentType());
      setBody(original.getBody());
      setFormParameters(original.getFormParameters());
      setUserAgentExtensions(original.getUserAgentExtensions());
    }

    @Override
    public URL constructURL() {
      return target;
    }
  }
}
