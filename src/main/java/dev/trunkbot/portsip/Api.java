package dev.trunkbot.portsip;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trunkbot.port.Retrier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authenticated PortSIP calls: the session's bearer token, one new login on a 401, paging through
 * lists, and every request retried on its own except creates, which the caller retries only after
 * finding again what they may have made.
 */
final class Api {
  static final int PAGE = 100;

  private final Wire wire;
  private final Session session;
  private final Retrier retrier;

  Api(Wire wire, Session session, Retrier retrier) {
    this.wire = wire;
    this.session = session;
    this.retrier = retrier;
  }

  Retrier retrier() {
    return retrier;
  }

  JsonNode get(String path) {
    return repeated("GET", path, Map.of(), Optional.empty());
  }

  JsonNode get(String path, Map<String, String> query) {
    return repeated("GET", path, query, Optional.empty());
  }

  /** A POST that may be sent again as it is (an update, an assignment, a destroy). */
  JsonNode post(String path, JsonNode body) {
    return repeated("POST", path, Map.of(), Optional.of(body));
  }

  JsonNode post(String path) {
    return repeated("POST", path, Map.of(), Optional.empty());
  }

  /** A create, sent once: its answer may be lost after the PBX acted. */
  JsonNode create(String path, JsonNode body) {
    return once("POST", path, Map.of(), Optional.of(body)).get();
  }

  /** Logs in now (or reuses a valid token), retried like any request. */
  void signIn() {
    retrier.request("sign in", session::token);
  }

  /**
   * Every item of a {@code {count, items}} list, page by page ({@code skip}/{@code top}) until
   * count is reached.
   */
  List<JsonNode> listAll(String path, Optional<String> filter) {
    List<JsonNode> all = new ArrayList<>();
    while (true) {
      Map<String, String> query = new LinkedHashMap<>();
      filter.ifPresent(f -> query.put("filter", f));
      query.put("skip", Integer.toString(all.size()));
      query.put("top", Integer.toString(PAGE));
      JsonNode page = get(path, query);
      JsonNode items = page.path("items");
      if (!items.isArray()) {
        throw new PortSipException(
            PortSipException.Reason.BAD_RESPONSE,
            "PortSIP GET " + path + " answered without an items list");
      }
      items.forEach(all::add);
      long count = page.path("count").asLong(-1);
      boolean done = items.isEmpty() || (count >= 0 ? all.size() >= count : items.size() < PAGE);
      if (done) {
        return all;
      }
    }
  }

  private JsonNode repeated(
      String method, String path, Map<String, String> query, Optional<JsonNode> body) {
    return retrier.request(method + " " + path, once(method, path, query, body));
  }

  private Supplier<JsonNode> once(
      String method, String path, Map<String, String> query, Optional<JsonNode> body) {
    return () -> {
      String token = session.token();
      try {
        return wire.send(method, path, query, body, Optional.of(token)).body();
      } catch (PortSipFailure e) {
        if (e.status() != 401) {
          throw e;
        }
        String fresh = session.relogin(token); // once: a second 401 is the PBX's final word
        return wire.send(method, path, query, body, Optional.of(fresh)).body();
      }
    };
  }

  void signOut() {
    session.signOut();
  }
}
