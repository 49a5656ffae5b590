package dev.trunkbot.twilio;

import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.ipaccesscontrollist.IpAddress;
import com.twilio.rest.trunking.v1.Trunk;
import com.twilio.rest.trunking.v1.trunk.OriginationUrl;
import com.twilio.rest.trunking.v1.trunk.PhoneNumber;
import dev.trunkbot.port.CallObserver;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.port.Intents;
import dev.trunkbot.port.RetryPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@link TwilioTrunking} on twilio-java 13. Each request (a list page, a fetch, a create) is
 * retried on its own; a create that may have landed before its answer was lost is looked for again
 * before it is sent again, so it is found instead of duplicated.
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
    return connect(config, retry, pageSize, CallObserver.NONE);
  }

  /**
   * As {@link #connect(TwilioConfig, RetryPolicy, int)}, telling {@code observer} every request.
   */
  public static SdkTwilioTrunking connect(
      TwilioConfig config, RetryPolicy retry, int pageSize, CallObserver observer) {
    return new SdkTwilioTrunking(
        new TwilioSdk(
            Objects.requireNonNull(config),
            Objects.requireNonNull(retry),
            pageSize,
            Objects.requireNonNull(observer)));
  }

  @Override
  public String accountStatus() {
    Account account =
        sdk.request("accountStatus", () -> Account.fetcher(sdk.accountSid).fetch(sdk.client));
    return account.getStatus() == null ? "" : account.getStatus().toString();
  }

  @Override
  public Ensured<String> ensureTrunk(String friendlyName, String domainName, Intents intents) {
    List<Trunk> trunks = trunks("ensureTrunk");
    Optional<Trunk> byDomain =
        trunks.stream().filter(t -> domainName.equalsIgnoreCase(t.getDomainName())).findFirst();
    if (byDomain.isPresent()) {
      Trunk t = byDomain.get();
      if (friendlyName.equals(t.getFriendlyName())) {
        return Ensured.found(t.getSid());
      }
      sdk.request(
          "ensureTrunk",
          () -> Trunk.updater(t.getSid()).setFriendlyName(friendlyName).update(sdk.client));
      return Ensured.updated(t.getSid());
    }
    // A trunk of this name without a termination domain is ours half-made; one with another
    // domain is not.
    Optional<Trunk> byName =
        trunks.stream()
            .filter(t -> friendlyName.equals(t.getFriendlyName()) && isBlank(t.getDomainName()))
            .findFirst();
    if (byName.isPresent()) {
      sdk.request(
          "ensureTrunk",
          () -> Trunk.updater(byName.get().getSid()).setDomainName(domainName).update(sdk.client));
      return Ensured.updated(byName.get().getSid());
    }
    intents.before(TRUNK, domainName);
    return Ensured.created(
        sdk.create(
            "ensureTrunk",
            () ->
                Trunk.creator()
                    .setFriendlyName(friendlyName)
                    .setDomainName(domainName)
                    .create(sdk.client)
                    .getSid(),
            () -> findTrunk(domainName)));
  }

  @Override
  public Optional<String> findTrunk(String domainName) {
    return trunks("findTrunk").stream()
        .filter(t -> domainName.equalsIgnoreCase(t.getDomainName()))
        .map(Trunk::getSid)
        .findFirst();
  }

  private List<Trunk> trunks(String operation) {
    return sdk.list(operation, Trunk.reader().setPageSize(sdk.pageSize));
  }

  @Override
  public Ensured<String> ensureIpAccessControlList(
      String friendlyName, String ipAddress, Intents intents) {
    return sip.ensureIpAccessControlList(friendlyName, ipAddress, intents);
  }

  @Override
  public Optional<String> findIpAccessControlList(String friendlyName) {
    return sip.findIpAccessControlList(friendlyName);
  }

  @Override
  public Ensured<String> ensureCredentialList(
      String friendlyName,
      String username,
      String password,
      boolean resetPassword,
      Intents intents) {
    return sip.ensureCredentialList(friendlyName, username, password, resetPassword, intents);
  }

  @Override
  public Optional<String> findCredentialList(String friendlyName) {
    return sip.findCredentialList(friendlyName);
  }

  @Override
  public Ensured<String> attachIpAccessControlList(
      String trunkSid, String aclSid, Intents intents) {
    return attach(
        "attachIpAccessControlList",
        ACL_ATTACHMENT,
        aclSid,
        intents,
        () ->
            sdk
                .list(
                    "attachIpAccessControlList",
                    com.twilio.rest.trunking.v1.trunk.IpAccessControlList.reader(trunkSid)
                        .setPageSize(sdk.pageSize))
                .stream()
                .map(com.twilio.rest.trunking.v1.trunk.IpAccessControlList::getSid),
        () ->
            com.twilio.rest.trunking.v1.trunk.IpAccessControlList.creator(trunkSid, aclSid)
                .create(sdk.client)
                .getSid());
  }

  @Override
  public Ensured<String> attachCredentialList(
      String trunkSid, String credentialListSid, Intents intents) {
    return attach(
        "attachCredentialList",
        CREDENTIAL_LIST_ATTACHMENT,
        credentialListSid,
        intents,
        () ->
            sdk
                .list(
                    "attachCredentialList",
                    com.twilio.rest.trunking.v1.trunk.CredentialList.reader(trunkSid)
                        .setPageSize(sdk.pageSize))
                .stream()
                .map(com.twilio.rest.trunking.v1.trunk.CredentialList::getSid),
        () ->
            com.twilio.rest.trunking.v1.trunk.CredentialList.creator(trunkSid, credentialListSid)
                .create(sdk.client)
                .getSid());
  }

  /** A list attached to a trunk: found among the attached SIDs before it is attached. */
  private Ensured<String> attach(
      String operation,
      String kind,
      String sid,
      Intents intents,
      Supplier<java.util.stream.Stream<String>> attachedSids,
      Supplier<String> create) {
    Supplier<Optional<String>> attached = () -> attachedSids.get().filter(sid::equals).findFirst();
    if (attached.get().isPresent()) {
      return Ensured.found(sid);
    }
    intents.before(kind, sid);
    return Ensured.created(sdk.create(operation, create, attached));
  }

  @Override
  public Ensured<String> ensureOriginationUrl(
      String trunkSid,
      String sipUrl,
      int priority,
      int weight,
      boolean enabled,
      String friendlyName,
      Intents intents) {
    String op = "ensureOriginationUrl";
    URI url = URI.create(sipUrl);
    Supplier<Optional<OriginationUrl>> find =
        () ->
            sdk.list(op, OriginationUrl.reader(trunkSid).setPageSize(sdk.pageSize)).stream()
                .filter(o -> o.getSipUrl() != null && sipUrl.equals(o.getSipUrl().toString()))
                .findFirst();
    Optional<OriginationUrl> existing = find.get();
    if (existing.isEmpty()) {
      intents.before(ORIGINATION_URL, sipUrl);
      return Ensured.created(
          sdk.create(
              op,
              () ->
                  OriginationUrl.creator(trunkSid, weight, priority, enabled, friendlyName, url)
                      .create(sdk.client)
                      .getSid(),
              () -> find.get().map(OriginationUrl::getSid)));
    }
    OriginationUrl o = existing.get();
    if (Objects.equals(o.getPriority(), priority)
        && Objects.equals(o.getWeight(), weight)
        && Objects.equals(o.getEnabled(), enabled)) {
      return Ensured.found(o.getSid());
    }
    sdk.request(
        op,
        () ->
            OriginationUrl.updater(trunkSid, o.getSid())
                .setPriority(priority)
                .setWeight(weight)
                .setEnabled(enabled)
                .update(sdk.client));
    return Ensured.updated(o.getSid());
  }

  @Override
  public NumberLookup lookupNumbers(List<String> e164Numbers) {
    for (String n : e164Numbers) {
      if (n == null || !E164.matcher(n).matches()) {
        throw new IllegalArgumentException(
            "phone number must be E.164 like +12027594810, got '" + n + "'");
      }
    }
    Map<String, String> account = new java.util.HashMap<>();
    if (e164Numbers.size() > LOOKUP_ONE_BY_ONE) {
      // many numbers: one paged read of the account's numbers beats one request per number
      for (IncomingPhoneNumber p :
          sdk.list("lookupNumbers", IncomingPhoneNumber.reader().setPageSize(1000L))) {
        if (p.getPhoneNumber() != null) {
          account.put(p.getPhoneNumber().toString(), p.getSid());
        }
      }
    } else {
      for (String n : e164Numbers) {
        sdk
            .list(
                "lookupNumbers",
                IncomingPhoneNumber.reader()
                    .setPhoneNumber(new com.twilio.type.PhoneNumber(n))
                    .setPageSize(sdk.pageSize))
            .stream()
            .filter(p -> p.getPhoneNumber() != null && n.equals(p.getPhoneNumber().toString()))
            .findFirst()
            .ifPresent(p -> account.put(n, p.getSid()));
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
  }

  @Override
  public Set<String> assignedNumbers(String trunkSid) {
    Set<String> out = new LinkedHashSet<>();
    sdk.list("assignedNumbers", PhoneNumber.reader(trunkSid).setPageSize(sdk.pageSize))
        .forEach(p -> out.add(p.getSid()));
    return out;
  }

  @Override
  public Ensured<String> assignNumber(String trunkSid, String phoneNumberSid, Intents intents) {
    String op = "assignNumber";
    Supplier<Optional<String>> assigned =
        () ->
            sdk.fetch(op, () -> PhoneNumber.fetcher(trunkSid, phoneNumberSid).fetch(sdk.client))
                .map(PhoneNumber::getSid);
    if (assigned.get().isPresent()) {
      return Ensured.found(phoneNumberSid);
    }
    intents.before(NUMBER_ASSIGNMENT, phoneNumberSid);
    return Ensured.created(
        sdk.create(
            op,
            () -> PhoneNumber.creator(trunkSid, phoneNumberSid).create(sdk.client).getSid(),
            assigned));
  }

  @Override
  public Optional<TrunkSnapshot> readTrunk(String domainName) {
    return trunks("readTrunk").stream()
        .filter(t -> domainName.equalsIgnoreCase(t.getDomainName()))
        .findFirst()
        .map(this::snapshot);
  }

  private TrunkSnapshot snapshot(Trunk t) {
    String sid = t.getSid();
    List<TrunkSnapshot.IpAccessControlList> acls = new ArrayList<>();
    String op = "readTrunk";
    for (var a :
        sdk.list(
            op,
            com.twilio.rest.trunking.v1.trunk.IpAccessControlList.reader(sid)
                .setPageSize(sdk.pageSize))) {
      List<String> ips =
          sdk.list(op, IpAddress.reader(a.getSid()).setPageSize(sdk.pageSize)).stream()
              .map(IpAddress::getIpAddress)
              .toList();
      acls.add(new TrunkSnapshot.IpAccessControlList(a.getSid(), nz(a.getFriendlyName()), ips));
    }
    List<TrunkSnapshot.CredentialList> cls = new ArrayList<>();
    for (var c :
        sdk.list(
            op,
            com.twilio.rest.trunking.v1.trunk.CredentialList.reader(sid)
                .setPageSize(sdk.pageSize))) {
      List<String> users =
          sdk.list(op, Credential.reader(c.getSid()).setPageSize(sdk.pageSize)).stream()
              .map(Credential::getUsername)
              .toList();
      cls.add(new TrunkSnapshot.CredentialList(c.getSid(), nz(c.getFriendlyName()), users));
    }
    List<TrunkSnapshot.OriginationUrl> origins =
        sdk.list(op, OriginationUrl.reader(sid).setPageSize(sdk.pageSize)).stream()
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
        sdk.list(op, PhoneNumber.reader(sid).setPageSize(sdk.pageSize)).stream()
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
  public boolean removeIpAddress(String aclSid, String ipAddress) {
    return sip.removeIpAddress(aclSid, ipAddress);
  }

  @Override
  public boolean removeCredential(String credentialListSid, String username) {
    return sip.removeCredential(credentialListSid, username);
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
