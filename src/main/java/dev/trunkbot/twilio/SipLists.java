package dev.trunkbot.twilio;

import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.api.v2010.account.sip.IpAccessControlList;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.ipaccesscontrollist.IpAddress;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.port.Intents;
import java.util.Optional;
import java.util.function.Supplier;

/** The account-level SIP lists of the 2010 API: IP access control lists and credential lists. */
final class SipLists {
  private final TwilioSdk sdk;

  SipLists(TwilioSdk sdk) {
    this.sdk = sdk;
  }

  Optional<String> findIpAccessControlList(String friendlyName) {
    return sdk
        .list("findIpAccessControlList", IpAccessControlList.reader().setPageSize(sdk.pageSize))
        .stream()
        .filter(a -> friendlyName.equals(a.getFriendlyName()))
        .map(IpAccessControlList::getSid)
        .findFirst();
  }

  Optional<String> findCredentialList(String friendlyName) {
    return sdk
        .list("findCredentialList", CredentialList.reader().setPageSize(sdk.pageSize))
        .stream()
        .filter(c -> friendlyName.equals(c.getFriendlyName()))
        .map(CredentialList::getSid)
        .findFirst();
  }

  Ensured<String> ensureIpAccessControlList(
      String friendlyName, String ipAddress, Intents intents) {
    String op = "ensureIpAccessControlList";
    Optional<String> found = findIpAccessControlList(friendlyName);
    String sid;
    if (found.isPresent()) {
      sid = found.get();
    } else {
      intents.before(TwilioTrunking.IP_ACCESS_CONTROL_LIST, friendlyName);
      sid =
          sdk.create(
              op,
              () -> IpAccessControlList.creator(friendlyName).create(sdk.client).getSid(),
              () -> findIpAccessControlList(friendlyName));
    }
    boolean hasIp = found.isPresent() && hasIp(sid, ipAddress);
    if (!hasIp) {
      intents.before(TwilioTrunking.IP_ADDRESS, ipAddress);
      sdk.create(
          op,
          () -> IpAddress.creator(sid, ipAddress, ipAddress).create(sdk.client).getSid(),
          () -> hasIp(sid, ipAddress) ? Optional.of(ipAddress) : Optional.empty());
    }
    return found.isEmpty()
        ? Ensured.created(sid)
        : hasIp ? Ensured.found(sid) : Ensured.updated(sid);
  }

  private boolean hasIp(String aclSid, String ipAddress) {
    return ipSid("ensureIpAccessControlList", aclSid, ipAddress).isPresent();
  }

  private Optional<String> ipSid(String op, String aclSid, String ipAddress) {
    return sdk.list(op, IpAddress.reader(aclSid).setPageSize(sdk.pageSize)).stream()
        .filter(ip -> ipAddress.equals(ip.getIpAddress()))
        .map(IpAddress::getSid)
        .findFirst();
  }

  Ensured<String> ensureCredentialList(
      String friendlyName,
      String username,
      String password,
      boolean resetPassword,
      Intents intents) {
    String op = "ensureCredentialList";
    Optional<String> found = findCredentialList(friendlyName);
    String sid;
    if (found.isPresent()) {
      sid = found.get();
    } else {
      intents.before(TwilioTrunking.CREDENTIAL_LIST, friendlyName);
      sid =
          sdk.create(
              op,
              () -> CredentialList.creator(friendlyName).create(sdk.client).getSid(),
              () -> findCredentialList(friendlyName));
    }
    Optional<String> credential = found.isEmpty() ? Optional.empty() : credential(sid, username);
    if (credential.isPresent()) {
      if (!resetPassword) {
        return Ensured.found(sid);
      }
      // Twilio never returns a password, so it cannot be compared: set it again.
      sdk.request(
          op,
          () -> Credential.updater(sid, credential.get()).setPassword(password).update(sdk.client));
    } else {
      intents.before(TwilioTrunking.CREDENTIAL, username);
      sdk.create(
          op,
          () -> Credential.creator(sid, username, password).create(sdk.client).getSid(),
          () -> credential(sid, username));
    }
    return found.isEmpty() ? Ensured.created(sid) : Ensured.updated(sid);
  }

  private Optional<String> credential(String listSid, String username) {
    return sdk
        .list("ensureCredentialList", Credential.reader(listSid).setPageSize(sdk.pageSize))
        .stream()
        .filter(c -> username.equals(c.getUsername()))
        .map(Credential::getSid)
        .findFirst();
  }

  boolean deleteIpAccessControlList(String aclSid) {
    return sdk.delete(
        "deleteIpAccessControlList", () -> IpAccessControlList.deleter(aclSid).delete(sdk.client));
  }

  boolean deleteCredentialList(String credentialListSid) {
    return sdk.delete(
        "deleteCredentialList", () -> CredentialList.deleter(credentialListSid).delete(sdk.client));
  }

  boolean removeIpAddress(String aclSid, String ipAddress) {
    String op = "removeIpAddress";
    Optional<String> sid = unlessListGone(() -> ipSid(op, aclSid, ipAddress));
    return sid.isPresent()
        && sdk.delete(op, () -> IpAddress.deleter(aclSid, sid.get()).delete(sdk.client));
  }

  boolean removeCredential(String credentialListSid, String username) {
    String op = "removeCredential";
    Optional<String> sid = unlessListGone(() -> credential(credentialListSid, username));
    return sid.isPresent()
        && sdk.delete(
            op, () -> Credential.deleter(credentialListSid, sid.get()).delete(sdk.client));
  }

  /** A read of a list's members: empty when the list itself is gone (404). */
  private static Optional<String> unlessListGone(Supplier<Optional<String>> read) {
    try {
      return read.get();
    } catch (TwilioFailure f) {
      if (f.status() == 404) {
        return Optional.empty();
      }
      throw f;
    }
  }
}
