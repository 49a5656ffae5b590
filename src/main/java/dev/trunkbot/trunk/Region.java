package dev.trunkbot.trunk;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Twilio's regions, each with its edge location (the name in localized termination hosts). */
public enum Region {
  US1("us1", "Virginia", "ashburn"),
  US2("us2", "Oregon", "umatilla"),
  IE1("ie1", "Dublin", "dublin"),
  DE1("de1", "Frankfurt", "frankfurt"),
  SG1("sg1", "Singapore", "singapore"),
  JP1("jp1", "Tokyo", "tokyo"),
  BR1("br1", "Sao Paulo", "sao-paulo"),
  AU1("au1", "Sydney", "sydney");

  private final String code;
  private final String place;
  private final String edge;

  Region(String code, String place, String edge) {
    this.code = code;
    this.place = place;
    this.edge = edge;
  }

  /** The code Twilio uses, e.g. {@code us1}. */
  public String code() {
    return code;
  }

  /** Where it is, for people: {@code Virginia}. */
  public String place() {
    return place;
  }

  /** The edge location: {@code ashburn}. */
  public String edge() {
    return edge;
  }

  /**
   * The termination host localized to this region's edge: {@code <label>.pstn.ashburn.twilio.com}.
   */
  public String terminationHost(TerminationDomain domain) {
    return domain.label() + ".pstn." + edge + ".twilio.com";
  }

  /** Reads a region code ({@code us1}, case-insensitive), or says which codes exist. */
  public static Region parse(String field, String code) {
    String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    for (Region r : values()) {
      if (r.code.equals(c)) {
        return r;
      }
    }
    throw new InvalidInputException(
        field,
        (c.isEmpty() ? "is missing" : "'" + code.trim() + "' is not a Twilio region")
            + ": use one of "
            + Arrays.stream(values())
                .map(r -> r.code + " (" + r.place + ")")
                .collect(Collectors.joining(", ")));
  }
}
