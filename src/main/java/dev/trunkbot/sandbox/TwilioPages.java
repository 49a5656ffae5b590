package dev.trunkbot.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Twilio's two list styles and two date styles. v1 (trunking): a {@code meta} object with every key
 * and absolute https://trunking.twilio.com URLs, ISO-8601 dates. 2010 (api): paging keys at the
 * root with relative URIs (the SDK recognises this style by the root {@code uri}), RFC 2822 dates.
 * Links use twilio.com so twilio-java follows them.
 */
final class TwilioPages {
  static final String TRUNKING = "https://trunking.twilio.com";
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter RFC2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
          .withZone(ZoneOffset.UTC);

  private TwilioPages() {}

  static String iso(Instant at) {
    return ISO.format(at);
  }

  static String rfc2822(Instant at) {
    return RFC2822.format(at);
  }

  /** PageSize and Page of a list request, checked as Twilio does (PageSize 1-1000, default 50). */
  record Window(int size, int page) {
    static Window of(Call call) {
      int size = number(call, "PageSize", 50);
      int page = number(call, "Page", 0);
      if (size < 1 || size > 1000) {
        throw TwilioError.invalid("PageSize", "must be between 1 and 1000, got " + size);
      }
      if (page < 0) {
        throw TwilioError.invalid("Page", "must not be negative, got " + page);
      }
      return new Window(size, page);
    }

    private static int number(Call call, String name, int fallback) {
      String raw = call.queryParam(name).orElse(null);
      if (raw == null || raw.isEmpty()) {
        return fallback;
      }
      try {
        return Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        throw TwilioError.invalid(name, "must be a whole number, got '" + raw + "'");
      }
    }

    <T> List<T> slice(List<T> all) {
      long from = (long) page * size;
      if (from >= all.size()) {
        return List.of();
      }
      return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    boolean hasNext(int total) {
      return (long) (page + 1) * size < total;
    }
  }

  /**
   * A v1 list: {@code {"<key>": [...], "meta": {...all seven keys...}}}. {@code path} is e.g.
   * /v1/Trunks.
   */
  static Map<String, Object> v1(String key, String path, Window w, List<?> all) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("first_page_url", TRUNKING + path + query(Map.of(), w.size(), 0));
    meta.put("key", key);
    meta.put(
        "next_page_url",
        w.hasNext(all.size()) ? TRUNKING + path + query(Map.of(), w.size(), w.page() + 1) : null);
    meta.put("page", w.page());
    meta.put("page_size", w.size());
    meta.put(
        "previous_page_url",
        w.page() > 0 ? TRUNKING + path + query(Map.of(), w.size(), w.page() - 1) : null);
    meta.put("url", TRUNKING + path + query(Map.of(), w.size(), w.page()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(key, new ArrayList<>(w.slice(all)));
    body.put("meta", meta);
    return body;
  }

  /**
   * A 2010 list: the records under {@code key} and the paging keys at the root, URIs relative,
   * filters kept.
   */
  static Map<String, Object> v2010(
      String key, String path, Map<String, String> filters, Window w, List<?> all) {
    List<?> page = w.slice(all);
    int start = w.page() * w.size();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(key, new ArrayList<>(page));
    body.put("end", page.isEmpty() ? start : start + page.size() - 1);
    body.put("first_page_uri", path + query(filters, w.size(), 0));
    body.put(
        "next_page_uri",
        w.hasNext(all.size()) ? path + query(filters, w.size(), w.page() + 1) : null);
    body.put("page", w.page());
    body.put("page_size", w.size());
    body.put(
        "previous_page_uri", w.page() > 0 ? path + query(filters, w.size(), w.page() - 1) : null);
    body.put("start", start);
    body.put("uri", path + query(filters, w.size(), w.page()));
    return body;
  }

  private static String query(Map<String, String> filters, int size, int page) {
    StringBuilder q = new StringBuilder("?");
    filters.forEach(
        (k, v) ->
            q.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
    q.append("PageSize=").append(size).append("&Page=").append(page);
    if (page > 0) {
      q.append("&PageToken=PT").append(page);
    }
    return q.toString();
  }
}
