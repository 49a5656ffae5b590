package dev.trunkbot.service;

import java.util.Locale;
import java.util.Objects;

/**
 * Who asks or decides: where from (the command line, Slack, trunkbot itself), their id there, and a
 * name for people. Every request, decision and audit line carries one.
 *
 * @param source where the person is
 * @param id their id there: a Slack user id ({@code U024BE7LH}), a login name, or what trunkbot did
 *     on its own ({@code auto-approve})
 * @param name what people call them (a Slack display name); the id when nothing better is known
 */
public record Actor(Source source, String id, String name) {
  /** Where an actor is. */
  public enum Source {
    CLI,
    SLACK,
    SYSTEM
  }

  public Actor {
    Objects.requireNonNull(source, "source");
    if (id == null || id.isBlank() || id.contains(":") || id.length() > 80) {
      throw new IllegalArgumentException(
          "actor id must be 1-80 characters without ':', got '" + id + "'");
    }
    name = name == null || name.isBlank() ? id : name.strip();
    if (name.length() > 100) {
      name = name.substring(0, 100);
    }
  }

  public static Actor cli(String user) {
    return new Actor(Source.CLI, user, user);
  }

  public static Actor slack(String userId, String displayName) {
    return new Actor(Source.SLACK, userId, displayName);
  }

  public static Actor system(String what) {
    return new Actor(Source.SYSTEM, what, what);
  }

  /** {@code slack:U024BE7LH}: who this is, whatever their name; what rules compare. */
  public String key() {
    return source.name().toLowerCase(Locale.ROOT) + ":" + id;
  }

  /** The stored form: {@code slack:U024BE7LH:Jane Doe}. */
  public String stored() {
    return key() + ":" + name;
  }

  /** Reads {@link #stored()}; an older plain string becomes a CLI or system actor of that id. */
  public static Actor parse(String stored) {
    String[] parts = stored.split(":", 3);
    if (parts.length >= 2) {
      for (Source s : Source.values()) {
        if (s.name().equalsIgnoreCase(parts[0]) && !parts[1].isBlank()) {
          return new Actor(s, parts[1], parts.length == 3 ? parts[2] : parts[1]);
        }
      }
    }
    String id = stored.isBlank() ? "unknown" : stored.replace(':', '-');
    return new Actor(Source.SYSTEM, id.length() > 80 ? id.substring(0, 80) : id, stored);
  }

  /** For people: {@code Jane Doe (slack:U024BE7LH)}, or the key alone when the name is the id. */
  @Override
  public String toString() {
    return name.equals(id) ? key() : name + " (" + key() + ")";
  }
}
