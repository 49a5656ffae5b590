package dev.trunkbot.twilio;

import dev.trunkbot.port.Change;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.port.Intents;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Twilio half of the guide as idempotent operations, each found by a natural key before it is
 * created, each reporting whether it {@link Change#CREATED created}, {@link Change#UPDATED updated}
 * or {@link Change#FOUND found} the resource. Every request is retried on its own under the
 * implementation's {@link dev.trunkbot.port.RetryPolicy}; a create whose answer is lost (no answer,
 * 5xx) is followed by finding again, never by a blind second create, and what is found then counts
 * as CREATED. Every method may throw {@link TwilioFailure} once one request exhausted its tries;
 * none returns null.
 *
 * <p><b>Intents.</b> Just before each create (or assignment) the operation tells its {@link
 * Intents} the kind below and the key the resource is found by, so that a caller can record that it
 * meant to make it: whatever a later attempt finds under a key it intended is the caller's own.
 *
 * <p><b>Undo contract.</b> The {@code delete*}, {@code detach*} and {@code unassign*} methods
 * remove exactly the resource named. The caller (provisioning) calls them only for resources that
 * an {@link Ensured#wasCreated() ensure of the same run created} or that it intended and found;
 * this port cannot tell who created a resource and never guesses. Each undo is itself idempotent:
 * it answers {@code false} when the resource was already gone.
 */
public interface TwilioTrunking {
  /** Intent kind of a trunk, keyed by its domain name. */
  String TRUNK = "twilio.trunk";

  /** Intent kind of an IP access control list, keyed by its friendly name. */
  String IP_ACCESS_CONTROL_LIST = "twilio.ip-access-control-list";

  /** Intent kind of a credential list, keyed by its friendly name. */
  String CREDENTIAL_LIST = "twilio.credential-list";

  /** Intent kind of an address added to an IP access control list, keyed by the address. */
  String IP_ADDRESS = "twilio.ip-address";

  /** Intent kind of a credential added to a credential list, keyed by its username. */
  String CREDENTIAL = "twilio.credential";

  /** Intent kind of an ACL's attachment to a trunk, keyed by the ACL SID. */
  String ACL_ATTACHMENT = "twilio.trunk-ip-access-control-list";

  /** Intent kind of a credential list's attachment to a trunk, keyed by the CL SID. */
  String CREDENTIAL_LIST_ATTACHMENT = "twilio.trunk-credential-list";

  /** Intent kind of an origination URL, keyed by its SIP URL. */
  String ORIGINATION_URL = "twilio.origination-url";

  /** Intent kind of a number's assignment to a trunk, keyed by the PN SID. */
  String NUMBER_ASSIGNMENT = "twilio.trunk-phone-number";

  /**
   * Checks the credentials without changing anything (fetches the account); returns the account's
   * status ({@code active}, {@code suspended} or {@code closed}).
   */
  String accountStatus();

  /**
   * Guide steps 1-2: the trunk, found by DomainName, then by FriendlyName; returns the trunk SID
   * (TK...).
   */
  Ensured<String> ensureTrunk(String friendlyName, String domainName, Intents intents);

  default Ensured<String> ensureTrunk(String friendlyName, String domainName) {
    return ensureTrunk(friendlyName, domainName, Intents.NONE);
  }

  /** The SID of the trunk with this domain name, if there is one. */
  Optional<String> findTrunk(String domainName);

  /**
   * Guide step 3: the IP ACL (found by FriendlyName) holding {@code ipAddress} (found by
   * IpAddress); returns the ACL SID (AL...).
   */
  Ensured<String> ensureIpAccessControlList(String friendlyName, String ipAddress, Intents intents);

  default Ensured<String> ensureIpAccessControlList(String friendlyName, String ipAddress) {
    return ensureIpAccessControlList(friendlyName, ipAddress, Intents.NONE);
  }

  /** The SID of the account's IP access control list of this friendly name, if there is one. */
  Optional<String> findIpAccessControlList(String friendlyName);

  /**
   * Guide step 4: the credential list (found by FriendlyName) holding a credential for {@code
   * username}. An existing credential keeps its password (FOUND) unless {@code resetPassword}, when
   * it is set again (Twilio cannot say whether it differs) and reported as UPDATED. A password was
   * set on Twilio exactly when the change is not FOUND. Returns the credential list SID (CL...).
   */
  Ensured<String> ensureCredentialList(
      String friendlyName,
      String username,
      String password,
      boolean resetPassword,
      Intents intents);

  default Ensured<String> ensureCredentialList(
      String friendlyName, String username, String password, boolean resetPassword) {
    return ensureCredentialList(friendlyName, username, password, resetPassword, Intents.NONE);
  }

  /** The SID of the account's credential list of this friendly name, if there is one. */
  Optional<String> findCredentialList(String friendlyName);

  /** Guide step 3: the ACL attached to the trunk (found before created); returns the ACL SID. */
  Ensured<String> attachIpAccessControlList(String trunkSid, String aclSid, Intents intents);

  default Ensured<String> attachIpAccessControlList(String trunkSid, String aclSid) {
    return attachIpAccessControlList(trunkSid, aclSid, Intents.NONE);
  }

  /**
   * Guide step 4: the credential list attached to the trunk (found before created); returns the CL
   * SID.
   */
  Ensured<String> attachCredentialList(String trunkSid, String credentialListSid, Intents intents);

  default Ensured<String> attachCredentialList(String trunkSid, String credentialListSid) {
    return attachCredentialList(trunkSid, credentialListSid, Intents.NONE);
  }

  /**
   * Guide steps 5-6: an origination URL found by SipUrl; priority, weight and enabled are corrected
   * when they differ (UPDATED). Returns the origination URL SID (OU...).
   */
  Ensured<String> ensureOriginationUrl(
      String trunkSid,
      String sipUrl,
      int priority,
      int weight,
      boolean enabled,
      String friendlyName,
      Intents intents);

  default Ensured<String> ensureOriginationUrl(
      String trunkSid,
      String sipUrl,
      int priority,
      int weight,
      boolean enabled,
      String friendlyName) {
    return ensureOriginationUrl(
        trunkSid, sipUrl, priority, weight, enabled, friendlyName, Intents.NONE);
  }

  /** Which of these E.164 numbers ({@code +1...}) the account owns, with their PN SIDs. */
  NumberLookup lookupNumbers(List<String> e164Numbers);

  /** The PN SIDs of the numbers assigned to the trunk now. */
  Set<String> assignedNumbers(String trunkSid);

  /**
   * Guide step 7: the purchased number assigned to the trunk (found before created); returns the PN
   * SID.
   */
  Ensured<String> assignNumber(String trunkSid, String phoneNumberSid, Intents intents);

  default Ensured<String> assignNumber(String trunkSid, String phoneNumberSid) {
    return assignNumber(trunkSid, phoneNumberSid, Intents.NONE);
  }

  /** Everything Twilio holds for the trunk with this domain name, or empty when there is none. */
  Optional<TrunkSnapshot> readTrunk(String domainName);

  // ---- undo, for resources a run created (see the class comment) ----

  boolean deleteTrunk(String trunkSid);

  boolean deleteIpAccessControlList(String aclSid);

  boolean deleteCredentialList(String credentialListSid);

  /** Removes the address from a list that existed before the run that added it. */
  boolean removeIpAddress(String aclSid, String ipAddress);

  /** Removes the username's credential from a list that existed before the run that added it. */
  boolean removeCredential(String credentialListSid, String username);

  boolean detachIpAccessControlList(String trunkSid, String aclSid);

  boolean detachCredentialList(String trunkSid, String credentialListSid);

  boolean deleteOriginationUrl(String trunkSid, String originationUrlSid);

  boolean unassignNumber(String trunkSid, String phoneNumberSid);
}
