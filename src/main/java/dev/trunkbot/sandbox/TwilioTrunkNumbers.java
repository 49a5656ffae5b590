package dev.trunkbot.sandbox;

import static dev.trunkbot.sandbox.TwilioState.found;
import static dev.trunkbot.sandbox.TwilioState.required;

import dev.trunkbot.sandbox.TwilioResources.Trunk;
import java.util.List;

/**
 * /v1/Trunks/{TK}/PhoneNumbers: a purchased number assigned to a trunk (a number belongs to one
 * trunk at a time).
 */
final class TwilioTrunkNumbers {
  private final TwilioState s;

  TwilioTrunkNumbers(TwilioState state) {
    this.s = state;
  }

  void register(TwilioEmulator.Routes r, String trunkPath) {
    String base = trunkPath + "/PhoneNumbers";
    r.add(
        "trunkPhoneNumbers.create",
        "POST",
        base,
        c -> {
          Trunk t = s.trunk(c);
          String sid = required(c, "PhoneNumberSid");
          TwilioPhoneNumber n = s.numbers.get(sid);
          if (n == null) {
            throw TwilioError.invalid(
                "PhoneNumberSid", sid + " is not a phone number of this account");
          }
          // Twilio moves a number that is on another trunk; assigning it to its own trunk again
          // changes nothing.
          if (!t.sid.equals(n.trunkSid)) {
            n.trunkSid = t.sid;
            n.assigned = s.now();
            n.updated = n.assigned;
          }
          return Reply.json(201, n.trunkJson());
        });
    r.add(
        "trunkPhoneNumbers.list",
        "GET",
        base,
        c -> {
          Trunk t = s.trunk(c);
          List<Object> all =
              s.numbers.values().stream()
                  .filter(n -> t.sid.equals(n.trunkSid))
                  .map(n -> (Object) n.trunkJson())
                  .toList();
          return Reply.json(
              200,
              TwilioPages.v1(
                  "phone_numbers",
                  "/v1/Trunks/" + t.sid + "/PhoneNumbers",
                  TwilioPages.Window.of(c),
                  all));
        });
    r.add(
        "trunkPhoneNumbers.fetch",
        "GET",
        base + "/(?<sid>[^/]+)",
        c -> Reply.json(200, assigned(c).trunkJson()));
    r.add(
        "trunkPhoneNumbers.delete",
        "DELETE",
        base + "/(?<sid>[^/]+)",
        c -> {
          TwilioPhoneNumber n = assigned(c);
          n.trunkSid = null;
          n.updated = s.now();
          return Reply.empty(204);
        });
  }

  private TwilioPhoneNumber assigned(Call c) {
    Trunk t = s.trunk(c);
    TwilioPhoneNumber n = found(s.numbers.get(c.pathParam("sid")), c);
    return found(t.sid.equals(n.trunkSid) ? n : null, c);
  }
}
