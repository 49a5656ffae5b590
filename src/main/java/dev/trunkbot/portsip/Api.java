package dev.trunkbot.portsip;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticated PortSIP calls: the session's bearer token, one new login on a 401, paging through
 * lists.
 */
final class Api {
  static final int PAGE = 100;

  private final Wire wire;
  private final Session session;

  Api(Wire wire, Session session) {
    this.wire = wire;
    this.session = session;
  }

  JsonNode get(String path) {
    return call("GET", path, Map.of(), Optional.empty());
  }

  JsonNode get(String path, Map<String, String> query) {
    return call("GET", path, query, Optional.empty());
  }

  JsonNode post(String path, JsonNode body) {
    return call("POST", path, Map.of(), Optional.of(body));
  }

  JsonNode post(String path) {
    return call("POST", path, Map.of(), Optional.empty());
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

  private JsonNode call(
      String method, String path, Map<String, String> query, Optional<JsonNode> body) {
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
  }

  void signOut() {
    session.signOut();
  }
}
