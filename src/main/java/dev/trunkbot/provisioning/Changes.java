package dev.trunkbot.provisioning;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trunkbot.port.Ensured;

/** What one step changed, counted per resource: created, updated (corrected) or found as asked. */
final class Changes {
  private int created;
  private int updated;
  private int found;

  /** Counts one result of a port and returns its value. */
  <T> T count(Ensured<T> e) {
    switch (e.change()) {
      case CREATED -> created++;
      case UPDATED -> updated++;
      case FOUND -> found++;
    }
    return e.value();
  }

  /**
   * Counts one result of a port, as created when the run made the resource although this call found
   * it (an earlier attempt's create whose answer was lost); returns its value.
   */
  <T> T count(Ensured<T> e, boolean madeByRun) {
    if (madeByRun && !e.wasCreated()) {
      created++;
      return e.value();
    }
    return count(e);
  }

  /**
   * A step's outputs, starting with the counts every step reports: {@code created}, {@code
   * updated}, {@code found}.
   */
  ObjectNode outputs() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("created", created);
    out.put("updated", updated);
    out.put("found", found);
    return out;
  }
}
