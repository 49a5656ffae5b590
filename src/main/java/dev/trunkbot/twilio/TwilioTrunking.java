package dev.trunkbot.twilio;

import dev.trunkbot.port.Change;
import dev.trunkbot.port.Ensured;
import java.util.List;
import java.util.Optional;

/**
 * The Twilio half of the guide as idempotent operations, each found by a natural key before it is
 * created, each reporting whether it {@link Change#CREATED created}, {@link Change#UPDATED updated}
 * or {@link Change#FOUND found} the resource. Every method may throw {@link TwilioFailure} (after
 * the retries of the implementation's {@link RetryPolicy}); none returns null.
 *
 * <p><b>Undo contract.</b> The {@code delete*}, {@code detach*} and {@code unassign*} methods
 * remove exactly the resource named. The caller (provisioning) calls them only for resources that
 * an {@link Ensured#wasCreated() ensure of the same run created}; this port cannot tell who created
 * a resource and never guesses. Each undo is itself idempotent: it answers {@code false} when the
 * resource was already gone.
 */
public interface TwilioTrunking {

  /**
   * Guide steps 1-2: the trunk, found by DomainName, then by FriendlyName; returns the trunk SID
   * (TK...).
   */
  Ensured<String> ensureTrunk(String friendlyName, String domainName);

  /**
   * Guide step 3: the IP ACL (found by FriendlyName) holding {@code ipAddress} (found by
   * IpAddress); returns the ACL SID (AL...).
   */
  Ensured<String> ensureIpAccessControlList(String friendlyName, String ipAddress);

  /**
   * Guide step 4: the credential list (found by FriendlyName) holding a credential for {@code
   * username}. An existing credential keeps its password (FOUND) unless {@code resetPassword}, when
   * it is set again (Twilio cannot say whether it differs) and reported as UPDATED. A password was
   * set on Twilio exactly when the change is not FOUND. Returns the credential list SID (CL...).
   */
  Ensured<String> ensureCredentialList(
      String friendlyName, String username, String password, boolean resetPassword);

  /** Guide step 3: the ACL attached to the trunk (found before created); returns the ACL SID. */
  Ensured<String> attachIpAccessControlList(String trunkSid, String aclSid);

  /**
   * Guide step 4: the credential list attached to the trunk (found before created); returns the CL
   * SID.
   */
  Ensured<String> attachCredentialList(String trunkSid, String credentialListSid);

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
      String friendlyName);

  /** Which of these E.164 numbers ({@code +1...}) the account owns, with their PN SIDs. */
  NumberLookup lookupNumbers(List<String> e164Numbers);

  /**
   * Guide step 7: the purchased number assigned to the trunk (found before created); returns the PN
   * SID.
   */
  Ensured<String> assignNumber(String trunkSid, String phoneNumberSid);

  /** Everything Twilio holds for the trunk with this domain name, or empty when there is none. */
  Optional<TrunkSnapshot> readTrunk(String domainName);

  // ---- undo, for resources a run created (see the class comment) ----

  boolean deleteTrunk(String trunkSid);

  boolean deleteIpAccessControlList(String aclSid);

  boolean deleteCredentialList(String credentialListSid);

  boolean detachIpAccessControlList(String trunkSid, String aclSid);

  boolean detachCredentialList(String trunkSid, String credentialListSid);

  boolean deleteOriginationUrl(String trunkSid, String originationUrlSid);

  boolean unassignNumber(String trunkSid, String phoneNumberSid);
}
