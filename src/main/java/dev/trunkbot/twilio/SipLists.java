package dev.trunkbot.twilio;

import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.api.v2010.account.sip.IpAccessControlList;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.ipaccesscontrollist.IpAddress;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.port.Intents;
import java.util.Optional;

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
    return sdk
        .list("ensureIpAccessControlList", IpAddress.reader(aclSid).setPageSize(sdk.pageSize))
        .stream()
        .anyMatch(ip -> ipAddress.equals(ip.getIpAddress()));
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
}
