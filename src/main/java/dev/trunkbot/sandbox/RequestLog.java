package dev.trunkbot.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every request an emulator received, in arrival order of completion, with secrets masked.
 * Thread-safe.
 */
public final class RequestLog {
  static final String MASK = "****";

  private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
  private final AtomicLong seq = new AtomicLong();

  /**
   * One request. {@code status} is -1 when the connection was dropped on purpose. {@code endpoint}
   * is the route's name, or "unmatched".
   */
  public record Entry(
      long seq,
      Instant at,
      String endpoint,
      String method,
      String path,
      Map<String, String> params,
      int status,
      Duration duration) {
    public Entry {
      params = Map.copyOf(params);
    }

    @Override
    public String toString() {
      return method
          + " "
          + path
          + " "
          + params
          + " -> "
          + status
          + " in "
          + duration.toMillis()
          + " ms";
    }
  }

  void add(
      Instant at,
      String endpoint,
      String method,
      String path,
      Map<String, String> params,
      int status,
      Duration d) {
    entries.add(
        new Entry(seq.incrementAndGet(), at, endpoint, method, path, mask(params), status, d));
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  public List<Entry> matching(Predicate<Entry> filter) {
    return entries.stream().filter(filter).collect(Collectors.toUnmodifiableList());
  }

  public long count(Predicate<Entry> filter) {
    return entries.stream().filter(filter).count();
  }

  /** Requests with this method whose endpoint has this name. */
  public long count(String method, String endpoint) {
    return count(e -> e.method().equals(method) && e.endpoint().equals(endpoint));
  }

  public void clear() {
    entries.clear();
  }

  static Map<String, String> mask(Map<String, String> params) {
    return params.entrySet().stream()
        .collect(
            Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> isSecret(e.getKey()) ? MASK : e.getValue(), (a, b) -> b));
  }

  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password")
        || k.contains("secret")
        || (k.contains("token") && !k.equals("pagetoken"));
  }
}
