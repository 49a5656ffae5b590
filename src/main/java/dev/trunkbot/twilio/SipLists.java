package dev.trunkbot.twilio;

import static dev.trunkbot.twilio.TwilioSdk.all;

import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.api.v2010.account.sip.IpAccessControlList;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.ipaccesscontrollist.IpAddress;
import dev.trunkbot.port.Ensured;
import java.util.Optional;

/** The account-level SIP lists of the 2010 API: IP access control lists and credential lists. */
final class SipLists {
  private final TwilioSdk sdk;

  SipLists(TwilioSdk sdk) {
    this.sdk = sdk;
  }

  Ensured<String> ensureIpAccessControlList(String friendlyName, String ipAddress) {
    return sdk.call(
        "ensureIpAccessControlList",
        () -> {
          Optional<IpAccessControlList> found =
              all(IpAccessControlList.reader().setPageSize(sdk.pageSize).read(sdk.client)).stream()
                  .filter(a -> friendlyName.equals(a.getFriendlyName()))
                  .findFirst();
          String sid =
              found.isPresent()
                  ? found.get().getSid()
                  : IpAccessControlList.creator(friendlyName).create(sdk.client).getSid();
          boolean hasIp =
              found.isPresent()
                  && all(IpAddress.reader(sid).setPageSize(sdk.pageSize).read(sdk.client)).stream()
                      .anyMatch(ip -> ipAddress.equals(ip.getIpAddress()));
          if (!hasIp) {
            IpAddress.creator(sid, ipAddress, ipAddress).create(sdk.client);
          }
          return found.isEmpty()
              ? Ensured.created(sid)
              : hasIp ? Ensured.found(sid) : Ensured.updated(sid);
        });
  }

  Ensured<String> ensureCredentialList(
      String friendlyName, String username, String password, boolean resetPassword) {
    return sdk.call(
        "ensureCredentialList",
        () -> {
          Optional<CredentialList> found =
              all(CredentialList.reader().setPageSize(sdk.pageSize).read(sdk.client)).stream()
                  .filter(c -> friendlyName.equals(c.getFriendlyName()))
                  .findFirst();
          String sid =
              found.isPresent()
                  ? found.get().getSid()
                  : CredentialList.creator(friendlyName).create(sdk.client).getSid();
          Optional<Credential> credential =
              found.isEmpty()
                  ? Optional.empty()
                  : all(Credential.reader(sid).setPageSize(sdk.pageSize).read(sdk.client)).stream()
                      .filter(c -> username.equals(c.getUsername()))
                      .findFirst();
          if (credential.isPresent()) {
            if (!resetPassword) {
              return Ensured.found(sid);
            }
            // Twilio never returns a password, so it cannot be compared: set it again.
            Credential.updater(sid, credential.get().getSid())
                .setPassword(password)
                .update(sdk.client);
          } else {
            Credential.creator(sid, username, password).create(sdk.client);
          }
          return found.isEmpty() ? Ensured.created(sid) : Ensured.updated(sid);
        });
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
