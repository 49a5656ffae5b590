package dev.trunkbot.twilio;

import java.util.List;
import java.util.Map;

/**
 * Which of the asked E.164 numbers the account owns (E.164 to the IncomingPhoneNumber SID, PN...)
 * and which it does not own, in the order they were asked.
 */
public record NumberLookup(Map<String, String> owned, List<String> notOwned) {
  public NumberLookup {
    owned = Map.copyOf(owned);
    notOwned = List.copyOf(notOwned);
  }

  public boolean allOwned() {
    return notOwned.isEmpty();
  }
}
