package dev.trunkbot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * One request as an emulator handler sees it: method, path, the groups its route captured, query
 * and form parameters, and the raw body (JSON bodies are parsed on demand).
 */
public final class Call {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String method;
  private final String path;
  private final Matcher route;
  private final Headers headers;
  private final byte[] body;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> form;
  private JsonNode json;

  Call(String method, String path, String rawQuery, Matcher route, Headers headers, byte[] body) {
    this.method = method;
    this.path = path;
    this.route = route;
    this.headers = headers;
    this.body = body;
    this.query = decode(rawQuery);
    String type = Optional.ofNullable(headers.getFirst("Content-Type")).orElse("");
    this.form =
        type.startsWith("application/x-www-form-urlencoded")
            ? decode(new String(body, StandardCharsets.UTF_8))
            : Map.of();
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** A named group of the route's pattern, e.g. {@code (?<sid>TK[0-9a-f]{32})}. */
  public String pathParam(String name) {
    return route.group(name);
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.getFirst(name));
  }

  public Map<String, List<String>> query() {
    return query;
  }

  public Map<String, List<String>> form() {
    return form;
  }

  public Optional<String> queryParam(String name) {
    return first(query, name);
  }

  public Optional<String> formParam(String name) {
    return first(form, name);
  }

  public byte[] body() {
    return body.clone();
  }

  /**
   * The body parsed as JSON; an empty body is an empty object. Throws {@link BadJson} when it is
   * not JSON.
   */
  public JsonNode json() {
    if (json == null) {
      if (body.length == 0) {
        json = JSON.createObjectNode();
      } else {
        try {
          json = JSON.readTree(body);
        } catch (IOException e) {
          throw new BadJson(e.getMessage());
        }
      }
    }
    return json;
  }

  /** Query, form and top-level JSON fields as one flat map: what the request log records. */
  Map<String, String> loggableParams() {
    Map<String, String> all = new LinkedHashMap<>();
    query.forEach((k, v) -> all.put(k, String.join(",", v)));
    form.forEach((k, v) -> all.put(k, String.join(",", v)));
    String type = headers.getFirst("Content-Type");
    if (type != null && type.startsWith("application/json") && body.length > 0) {
      try {
        JsonNode node = JSON.readTree(body);
        if (node != null && node.isObject()) {
          node.fields()
              .forEachRemaining(
                  e ->
                      all.put(
                          e.getKey(),
                          e.getValue().isValueNode()
                              ? e.getValue().asText()
                              : e.getValue().toString()));
        }
      } catch (IOException ignored) {
        // a body that is not JSON is answered by the handler; the log just has no fields for it
      }
    }
    return all;
  }

  private static Optional<String> first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  static Map<String, List<String>> decode(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = url(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : url(pair.substring(eq + 1));
      out.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
    }
    out.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(out);
  }

  private static String url(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException("bad URL encoding: " + s));
    }
  }

  /** The body was declared or expected to be JSON and is not. */
  public static final class BadJson extends RuntimeException {
    BadJson(String message) {
      super(message);
    }
  }
}
