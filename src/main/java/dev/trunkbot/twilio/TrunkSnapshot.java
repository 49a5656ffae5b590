package dev.trunkbot.twilio;

import java.util.List;

/**
 * What Twilio holds for one trunk, read back for verification and drift detection. Lists keep
 * Twilio's order. Passwords are never part of it (Twilio never returns them).
 */
public record TrunkSnapshot(
    String sid,
    String friendlyName,
    String domainName,
    List<IpAccessControlList> ipAccessControlLists,
    List<CredentialList> credentialLists,
    List<OriginationUrl> originationUrls,
    List<Number> numbers) {
  public TrunkSnapshot {
    ipAccessControlLists = List.copyOf(ipAccessControlLists);
    credentialLists = List.copyOf(credentialLists);
    originationUrls = List.copyOf(originationUrls);
    numbers = List.copyOf(numbers);
  }

  /** An IP access control list attached to the trunk, with the addresses in it. */
  public record IpAccessControlList(String sid, String friendlyName, List<String> ipAddresses) {
    public IpAccessControlList {
      ipAddresses = List.copyOf(ipAddresses);
    }
  }

  /** A credential list attached to the trunk, with the usernames in it. */
  public record CredentialList(String sid, String friendlyName, List<String> usernames) {
    public CredentialList {
      usernames = List.copyOf(usernames);
    }
  }

  /** An origination URL of the trunk. */
  public record OriginationUrl(
      String sid, String sipUrl, int priority, int weight, boolean enabled, String friendlyName) {}

  /** A phone number assigned to the trunk: its PN SID and E.164 form. */
  public record Number(String sid, String e164) {}
}
