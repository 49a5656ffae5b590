package dev.trunkbot.twilio;

import static dev.trunkbot.twilio.TwilioSdk.all;

import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.ipaccesscontrollist.IpAddress;
import com.twilio.rest.trunking.v1.Trunk;
import com.twilio.rest.trunking.v1.trunk.OriginationUrl;
import com.twilio.rest.trunking.v1.trunk.PhoneNumber;
import dev.trunkbot.port.Ensured;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link TwilioTrunking} on twilio-java 13. Each operation is one retry unit: on a retryable
 * failure it starts again from its lookups, so a create that did land before the failure is found
 * instead of duplicated.
 */
public final class SdkTwilioTrunking implements TwilioTrunking {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  /**
   * Up to this many numbers are looked up one request each; more are found in one read of the
   * account's list.
   */
  static final int LOOKUP_ONE_BY_ONE = 20;

  private final TwilioSdk sdk;
  private final SipLists sip;

  private SdkTwilioTrunking(TwilioSdk sdk) {
    this.sdk = sdk;
    this.sip = new SipLists(sdk);
  }

  /** Connects with the standard retry policy and Twilio's default page size (50). */
  public static SdkTwilioTrunking connect(TwilioConfig config) {
    return connect(config, RetryPolicy.standard(), 50);
  }

  /**
   * Connects with this retry policy and page size (1-1000; tests use small pages to cross page
   * boundaries).
   */
  public static SdkTwilioTrunking connect(TwilioConfig config, RetryPolicy retry, int pageSize) {
    return new SdkTwilioTrunking(
        new TwilioSdk(Objects.requireNonNull(config), Objects.requireNonNull(retry), pageSize));
  }

  @Override
  public Ensured<String> ensureTrunk(String friendlyName, String domainName) {
    return sdk.call(
        "ensureTrunk",
        () -> {
          List<Trunk> trunks = all(Trunk.reader().setPageSize(sdk.pageSize).read(sdk.client));
          Optional<Trunk> byDomain =
              trunks.stream()
                  .filter(t -> domainName.equalsIgnoreCase(t.getDomainName()))
                  .findFirst();
          if (byDomain.isPresent()) {
            Trunk t = byDomain.get();
            if (friendlyName.equals(t.getFriendlyName())) {
              return Ensured.found(t.getSid());
            }
            Trunk.updater(t.getSid()).setFriendlyName(friendlyName).update(sdk.client);
            return Ensured.updated(t.getSid());
          }
          // A trunk of this name without a termination domain is ours half-made; one with another
          // domain is not.
          Optional<Trunk> byName =
              trunks.stream()
                  .filter(
                      t -> friendlyName.equals(t.getFriendlyName()) && isBlank(t.getDomainName()))
                  .findFirst();
          if (byName.isPresent()) {
            Trunk.updater(byName.get().getSid()).setDomainName(domainName).update(sdk.client);
            return Ensured.updated(byName.get().getSid());
          }
          return Ensured.created(
              Trunk.creator()
                  .setFriendlyName(friendlyName)
                  .setDomainName(domainName)
                  .create(sdk.client)
                  .getSid());
        });
  }

  @Override
  public Ensured<String> ensureIpAccessControlList(String friendlyName, String ipAddress) {
    return sip.ensureIpAccessControlList(friendlyName, ipAddress);
  }

  @Override
  public Ensured<String> ensureCredentialList(
      String friendlyName, String username, String password, boolean resetPassword) {
    return sip.ensureCredentialList(friendlyName, username, password, resetPassword);
  }

  @Override
  public Ensured<String> attachIpAccessControlList(String trunkSid, String aclSid) {
    return sdk.call(
        "attachIpAccessControlList",
        () -> {
          boolean attached =
              all(
                      com.twilio.rest.trunking.v1.trunk.IpAccessControlList.reader(trunkSid)
                          .setPageSize(sdk.pageSize)
                          .read(sdk.client))
                  .stream()
                  .anyMatch(a -> aclSid.equals(a.getSid()));
          if (attached) {
            return Ensured.found(aclSid);
          }
          com.twilio.rest.trunking.v1.trunk.IpAccessControlList.creator(trunkSid, aclSid)
              .create(sdk.client);
          return Ensured.created(aclSid);
        });
  }

  @Override
  public Ensured<String> attachCredentialList(String trunkSid, String credentialListSid) {
    return sdk.call(
        "attachCredentialList",
        () -> {
          boolean attached =
              all(
                      com.twilio.rest.trunking.v1.trunk.CredentialList.reader(trunkSid)
                          .setPageSize(sdk.pageSize)
                          .read(sdk.client))
                  .stream()
                  .anyMatch(c -> credentialListSid.equals(c.getSid()));
          if (attached) {
            return Ensured.found(credentialListSid);
          }
          com.twilio.rest.trunking.v1.trunk.CredentialList.creator(trunkSid, credentialListSid)
              .create(sdk.client);
          return Ensured.created(credentialListSid);
        });
  }

  @Override
  public Ensured<String> ensureOriginationUrl(
      String trunkSid,
      String sipUrl,
      int priority,
      int weight,
      boolean enabled,
      String friendlyName) {
    URI url = URI.create(sipUrl);
    return sdk.call(
        "ensureOriginationUrl",
        () -> {
          Optional<OriginationUrl> existing =
              all(OriginationUrl.reader(trunkSid).setPageSize(sdk.pageSize).read(sdk.client))
                  .stream()
                  .filter(o -> o.getSipUrl() != null && sipUrl.equals(o.getSipUrl().toString()))
                  .findFirst();
          if (existing.isEmpty()) {
            return Ensured.created(
                OriginationUrl.creator(trunkSid, weight, priority, enabled, friendlyName, url)
                    .create(sdk.client)
                    .getSid());
          }
          OriginationUrl o = existing.get();
          if (Objects.equals(o.getPriority(), priority)
              && Objects.equals(o.getWeight(), weight)
              && Objects.equals(o.getEnabled(), enabled)) {
            return Ensured.found(o.getSid());
          }
          OriginationUrl.updater(trunkSid, o.getSid())
              .setPriority(priority)
              .setWeight(weight)
              .setEnabled(enabled)
              .update(sdk.client);
          return Ensured.updated(o.getSid());
        });
  }

  @Override
  public NumberLookup lookupNumbers(List<String> e164Numbers) {
    for (String n : e164Numbers) {
      if (n == null || !E164.matcher(n).matches()) {
        throw new IllegalArgumentException(
            "phone number must be E.164 like +12027594810, got '" + n + "'");
      }
    }
    if (e164Numbers.size() > LOOKUP_ONE_BY_ONE) {
      return lookupByListing(e164Numbers);
    }
    return sdk.call(
        "lookupNumbers",
        () -> {
          Map<String, String> owned = new LinkedHashMap<>();
          List<String> notOwned = new ArrayList<>();
          for (String n : e164Numbers) {
            List<IncomingPhoneNumber> found =
                all(
                    IncomingPhoneNumber.reader()
                        .setPhoneNumber(new com.twilio.type.PhoneNumber(n))
                        .setPageSize(sdk.pageSize)
                        .read(sdk.client));
            Optional<IncomingPhoneNumber> exact =
                found.stream()
                    .filter(
                        p -> p.getPhoneNumber() != null && n.equals(p.getPhoneNumber().toString()))
                    .findFirst();
            if (exact.isPresent()) {
              owned.put(n, exact.get().getSid());
            } else {
              notOwned.add(n);
            }
          }
          return new NumberLookup(owned, notOwned);
        });
  }

  /**
   * Many numbers: one paged read of the account's numbers (1,000 a page) beats one request per
   * number.
   */
  private NumberLookup lookupByListing(List<String> e164Numbers) {
    return sdk.call(
        "lookupNumbers",
        () -> {
          Map<String, String> account = new java.util.HashMap<>();
          for (IncomingPhoneNumber p :
              IncomingPhoneNumber.reader().setPageSize(1000L).read(sdk.client)) {
            if (p.getPhoneNumber() != null) {
              account.put(p.getPhoneNumber().toString(), p.getSid());
            }
          }
          Map<String, String> owned = new LinkedHashMap<>();
          List<String> notOwned = new ArrayList<>();
          for (String n : e164Numbers) {
            String sid = account.get(n);
            if (sid != null) {
              owned.put(n, sid);
            } else {
              notOwned.add(n);
            }
          }
          return new NumberLookup(owned, notOwned);
        });
  }

  @Override
  public Ensured<String> assignNumber(String trunkSid, String phoneNumberSid) {
    return sdk.call(
        "assignNumber",
        () -> {
          try {
            PhoneNumber.fetcher(trunkSid, phoneNumberSid).fetch(sdk.client);
            return Ensured.found(phoneNumberSid);
          } catch (com.twilio.exception.ApiException e) {
            if (e.getStatusCode() == null || e.getStatusCode() != 404) {
              throw e;
            }
          }
          PhoneNumber.creator(trunkSid, phoneNumberSid).create(sdk.client);
          return Ensured.created(phoneNumberSid);
        });
  }

  @Override
  public Optional<TrunkSnapshot> readTrunk(String domainName) {
    return sdk.call(
        "readTrunk",
        () ->
            all(Trunk.reader().setPageSize(sdk.pageSize).read(sdk.client)).stream()
                .filter(t -> domainName.equalsIgnoreCase(t.getDomainName()))
                .findFirst()
                .map(this::snapshot));
  }

  private TrunkSnapshot snapshot(Trunk t) {
    String sid = t.getSid();
    List<TrunkSnapshot.IpAccessControlList> acls = new ArrayList<>();
    for (var a :
        all(
            com.twilio.rest.trunking.v1.trunk.IpAccessControlList.reader(sid)
                .setPageSize(sdk.pageSize)
                .read(sdk.client))) {
      List<String> ips =
          all(IpAddress.reader(a.getSid()).setPageSize(sdk.pageSize).read(sdk.client)).stream()
              .map(IpAddress::getIpAddress)
              .toList();
      acls.add(new TrunkSnapshot.IpAccessControlList(a.getSid(), nz(a.getFriendlyName()), ips));
    }
    List<TrunkSnapshot.CredentialList> cls = new ArrayList<>();
    for (var c :
        all(
            com.twilio.rest.trunking.v1.trunk.CredentialList.reader(sid)
                .setPageSize(sdk.pageSize)
                .read(sdk.client))) {
      List<String> users =
          all(Credential.reader(c.getSid()).setPageSize(sdk.pageSize).read(sdk.client)).stream()
              .map(Credential::getUsername)
              .toList();
      cls.add(new TrunkSnapshot.CredentialList(c.getSid(), nz(c.getFriendlyName()), users));
    }
    List<TrunkSnapshot.OriginationUrl> origins =
        all(OriginationUrl.reader(sid).setPageSize(sdk.pageSize).read(sdk.client)).stream()
            .map(
                o ->
                    new TrunkSnapshot.OriginationUrl(
                        o.getSid(),
                        String.valueOf(o.getSipUrl()),
                        o.getPriority() == null ? 0 : o.getPriority(),
                        o.getWeight() == null ? 0 : o.getWeight(),
                        Boolean.TRUE.equals(o.getEnabled()),
                        nz(o.getFriendlyName())))
            .toList();
    List<TrunkSnapshot.Number> numbers =
        all(PhoneNumber.reader(sid).setPageSize(sdk.pageSize).read(sdk.client)).stream()
            .map(
                p ->
                    new TrunkSnapshot.Number(
                        p.getSid(),
                        p.getPhoneNumber() == null ? "" : p.getPhoneNumber().toString()))
            .toList();
    return new TrunkSnapshot(
        sid, nz(t.getFriendlyName()), nz(t.getDomainName()), acls, cls, origins, numbers);
  }

  @Override
  public boolean deleteTrunk(String trunkSid) {
    return sdk.delete("deleteTrunk", () -> Trunk.deleter(trunkSid).delete(sdk.client));
  }

  @Override
  public boolean deleteIpAccessControlList(String aclSid) {
    return sip.deleteIpAccessControlList(aclSid);
  }

  @Override
  public boolean deleteCredentialList(String credentialListSid) {
    return sip.deleteCredentialList(credentialListSid);
  }

  @Override
  public boolean detachIpAccessControlList(String trunkSid, String aclSid) {
    return sdk.delete(
        "detachIpAccessControlList",
        () ->
            com.twilio.rest.trunking.v1.trunk.IpAccessControlList.deleter(trunkSid, aclSid)
                .delete(sdk.client));
  }

  @Override
  public boolean detachCredentialList(String trunkSid, String credentialListSid) {
    return sdk.delete(
        "detachCredentialList",
        () ->
            com.twilio.rest.trunking.v1.trunk.CredentialList.deleter(trunkSid, credentialListSid)
                .delete(sdk.client));
  }

  @Override
  public boolean deleteOriginationUrl(String trunkSid, String originationUrlSid) {
    return sdk.delete(
        "deleteOriginationUrl",
        () -> OriginationUrl.deleter(trunkSid, originationUrlSid).delete(sdk.client));
  }

  @Override
  public boolean unassignNumber(String trunkSid, String phoneNumberSid) {
    return sdk.delete(
        "unassignNumber", () -> PhoneNumber.deleter(trunkSid, phoneNumberSid).delete(sdk.client));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
