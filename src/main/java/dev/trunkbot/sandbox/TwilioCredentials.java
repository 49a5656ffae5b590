package dev.trunkbot.sandbox;

import static dev.trunkbot.sandbox.TwilioSipApi.ACCOUNT;
import static dev.trunkbot.sandbox.TwilioState.found;
import static dev.trunkbot.sandbox.TwilioState.required;

import dev.trunkbot.sandbox.TwilioResources.Credential;
import dev.trunkbot.sandbox.TwilioResources.SipList;
import java.util.Map;

/**
 * Credentials of a credential list: usernames unique per list, strong passwords, passwords never
 * shown.
 */
final class TwilioCredentials {
  private final TwilioState s;

  TwilioCredentials(TwilioState state) {
    this.s = state;
  }

  void register(TwilioEmulator.Routes r) {
    String base = ACCOUNT + "/SIP/CredentialLists/(?<list>[^/]+)/Credentials";
    r.add(
        "credentials.create",
        "POST",
        base + "\\.json",
        c -> {
          SipList l = found(s.credentialLists.get(c.pathParam("list")), c);
          String username = required(c, "Username");
          String password = required(c, "Password");
          if (username.length() > 32) {
            throw new TwilioError(400, 21240, "Username must be at most 32 characters");
          }
          if (s.credentials.values().stream()
              .anyMatch(x -> x.list == l && x.username.equals(username))) {
            throw new TwilioError(
                400, 21240, "Username " + username + " already exists in credential list " + l.sid);
          }
          checkStrength(password);
          Credential cr = new Credential(s.sid("CR"), l, username, s.now());
          cr.password = password;
          s.credentials.put(cr.sid, cr);
          return Reply.json(201, cr.json());
        });
    r.add(
        "credentials.list",
        "GET",
        base + "\\.json",
        c -> {
          SipList l = found(s.credentialLists.get(c.pathParam("list")), c);
          return Reply.json(
              200,
              TwilioPages.v2010(
                  "credentials",
                  l.uri() + "/Credentials.json",
                  Map.of(),
                  TwilioPages.Window.of(c),
                  s.credentials.values().stream()
                      .filter(x -> x.list == l)
                      .map(x -> (Object) x.json())
                      .toList()));
        });
    r.add(
        "credentials.fetch",
        "GET",
        base + "/(?<sid>[^/]+)\\.json",
        c -> Reply.json(200, credential(c).json()));
    r.add(
        "credentials.update",
        "POST",
        base + "/(?<sid>[^/]+)\\.json",
        c -> {
          Credential cr = credential(c);
          String password = required(c, "Password");
          checkStrength(password);
          cr.password = password;
          cr.updated = s.now();
          return Reply.json(200, cr.json());
        });
    r.add(
        "credentials.delete",
        "DELETE",
        base + "/(?<sid>[^/]+)\\.json",
        c -> {
          s.credentials.remove(credential(c).sid);
          return Reply.empty(204);
        });
  }

  private Credential credential(Call c) {
    SipList l = found(s.credentialLists.get(c.pathParam("list")), c);
    Credential cr = found(s.credentials.get(c.pathParam("sid")), c);
    return found(cr.list == l ? cr : null, c);
  }

  /**
   * At least 12 characters with a digit, an upper-case and a lower-case letter. The message never
   * shows the password.
   */
  static void checkStrength(String password) {
    boolean strong =
        password.length() >= 12
            && password.chars().anyMatch(Character::isDigit)
            && password.chars().anyMatch(Character::isUpperCase)
            && password.chars().anyMatch(Character::isLowerCase);
    if (!strong) {
      throw new TwilioError(
          400,
          21240,
          "Password is too weak: use at least 12 characters with a digit, an upper-case and a lower-case letter");
    }
  }
}
