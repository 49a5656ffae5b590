package dev.trunkbot.service;

import dev.trunkbot.port.Ensured;
import dev.trunkbot.port.Intents;
import dev.trunkbot.twilio.NumberLookup;
import dev.trunkbot.twilio.TrunkSnapshot;
import dev.trunkbot.twilio.TwilioTrunking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Twilio's half of the guide in memory, finding before creating as the real port does. */
final class FakeTwilio implements TwilioTrunking {
  private final class Trunk {
    final String sid;
    String name;
    final String domain;
    final Set<String> acls = new LinkedHashSet<>();
    final Set<String> lists = new LinkedHashSet<>();
    final Map<String, TrunkSnapshot.OriginationUrl> urls = new LinkedHashMap<>();
    final Set<String> numbers = new LinkedHashSet<>();

    Trunk(String sid, String name, String domain) {
      this.sid = sid;
      this.name = name;
      this.domain = domain;
    }
  }

  private record Named(String name, Set<String> members) {}

  private final Map<String, Trunk> trunks = new LinkedHashMap<>();
  private final Map<String, Named> acls = new LinkedHashMap<>();
  private final Map<String, Named> lists = new LinkedHashMap<>();
  private final Map<String, String> purchased = new LinkedHashMap<>();
  private int next;
  int writes;

  synchronized void purchase(String... e164) {
    for (String n : e164) {
      purchased.putIfAbsent(n, sid("PN"));
    }
  }

  private String sid(String prefix) {
    return prefix + String.format("%032x", ++next);
  }

  synchronized int trunkCount() {
    return trunks.size();
  }

  synchronized int assignedCount() {
    return trunks.values().stream().mapToInt(t -> t.numbers.size()).sum();
  }

  synchronized void removeOriginationUrls(String domain) {
    trunkByDomain(domain).ifPresent(t -> t.urls.clear());
  }

  private Optional<Trunk> trunkByDomain(String domain) {
    return trunks.values().stream().filter(t -> t.domain.equals(domain)).findFirst();
  }

  @Override
  public String accountStatus() {
    return "active";
  }

  @Override
  public synchronized Optional<String> findTrunk(String domainName) {
    return trunkByDomain(domainName).map(t -> t.sid);
  }

  @Override
  public synchronized Optional<String> findIpAccessControlList(String name) {
    return find(acls, name);
  }

  @Override
  public synchronized Optional<String> findCredentialList(String name) {
    return find(lists, name);
  }

  private static Optional<String> find(Map<String, Named> all, String name) {
    return all.entrySet().stream()
        .filter(e -> e.getValue().name().equals(name))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  @Override
  public synchronized Set<String> assignedNumbers(String trunkSid) {
    return Set.copyOf(trunks.get(trunkSid).numbers);
  }

  @Override
  public synchronized Ensured<String> ensureTrunk(
      String friendlyName, String domainName, Intents intents) {
    Optional<Trunk> t = trunkByDomain(domainName);
    if (t.isPresent()) {
      return Ensured.found(t.get().sid);
    }
    intents.before(TRUNK, domainName);
    writes++;
    Trunk trunk = new Trunk(sid("TK"), friendlyName, domainName);
    trunks.put(trunk.sid, trunk);
    return Ensured.created(trunk.sid);
  }

  @Override
  public synchronized Ensured<String> ensureIpAccessControlList(
      String name, String ip, Intents intents) {
    return ensureNamed(acls, "AL", name, ip);
  }

  @Override
  public synchronized Ensured<String> ensureCredentialList(
      String name, String username, String password, boolean resetPassword, Intents intents) {
    return ensureNamed(lists, "CL", name, username);
  }

  private Ensured<String> ensureNamed(
      Map<String, Named> all, String prefix, String name, String member) {
    for (var e : all.entrySet()) {
      if (e.getValue().name().equals(name)) {
        if (e.getValue().members().add(member)) {
          writes++;
          return Ensured.updated(e.getKey());
        }
        return Ensured.found(e.getKey());
      }
    }
    writes++;
    String sid = sid(prefix);
    all.put(sid, new Named(name, new LinkedHashSet<>(Set.of(member))));
    return Ensured.created(sid);
  }

  @Override
  public synchronized Ensured<String> attachIpAccessControlList(
      String trunkSid, String aclSid, Intents intents) {
    return attach(trunks.get(trunkSid).acls, aclSid);
  }

  @Override
  public synchronized Ensured<String> attachCredentialList(
      String trunkSid, String listSid, Intents intents) {
    return attach(trunks.get(trunkSid).lists, listSid);
  }

  private Ensured<String> attach(Set<String> to, String sid) {
    if (to.add(sid)) {
      writes++;
      return Ensured.created(sid);
    }
    return Ensured.found(sid);
  }

  @Override
  public synchronized Ensured<String> ensureOriginationUrl(
      String trunkSid,
      String sipUrl,
      int priority,
      int weight,
      boolean enabled,
      String friendlyName,
      Intents intents) {
    Trunk t = trunks.get(trunkSid);
    for (var u : t.urls.values()) {
      if (u.sipUrl().equals(sipUrl)) {
        return Ensured.found(u.sid());
      }
    }
    writes++;
    String sid = sid("OU");
    t.urls.put(
        sid,
        new TrunkSnapshot.OriginationUrl(sid, sipUrl, priority, weight, enabled, friendlyName));
    return Ensured.created(sid);
  }

  @Override
  public synchronized NumberLookup lookupNumbers(List<String> e164Numbers) {
    Map<String, String> owned = new LinkedHashMap<>();
    List<String> notOwned = new ArrayList<>();
    for (String n : e164Numbers) {
      if (purchased.containsKey(n)) {
        owned.put(n, purchased.get(n));
      } else {
        notOwned.add(n);
      }
    }
    return new NumberLookup(owned, notOwned);
  }

  @Override
  public synchronized Ensured<String> assignNumber(
      String trunkSid, String phoneNumberSid, Intents intents) {
    return attach(trunks.get(trunkSid).numbers, phoneNumberSid);
  }

  @Override
  public synchronized Optional<TrunkSnapshot> readTrunk(String domainName) {
    return trunkByDomain(domainName)
        .map(
            t ->
                new TrunkSnapshot(
                    t.sid,
                    t.name,
                    t.domain,
                    t.acls.stream()
                        .map(
                            s ->
                                new TrunkSnapshot.IpAccessControlList(
                                    s, acls.get(s).name(), List.copyOf(acls.get(s).members())))
                        .toList(),
                    t.lists.stream()
                        .map(
                            s ->
                                new TrunkSnapshot.CredentialList(
                                    s, lists.get(s).name(), List.copyOf(lists.get(s).members())))
                        .toList(),
                    List.copyOf(t.urls.values()),
                    t.numbers.stream().map(pn -> new TrunkSnapshot.Number(pn, e164(pn))).toList()));
  }

  private String e164(String pn) {
    return purchased.entrySet().stream()
        .filter(e -> e.getValue().equals(pn))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("");
  }

  @Override
  public synchronized boolean deleteTrunk(String trunkSid) {
    return trunks.remove(trunkSid) != null;
  }

  @Override
  public synchronized boolean deleteIpAccessControlList(String aclSid) {
    return acls.remove(aclSid) != null;
  }

  @Override
  public synchronized boolean deleteCredentialList(String listSid) {
    return lists.remove(listSid) != null;
  }

  @Override
  public synchronized boolean removeIpAddress(String aclSid, String ipAddress) {
    return acls.containsKey(aclSid) && acls.get(aclSid).members().remove(ipAddress);
  }

  @Override
  public synchronized boolean removeCredential(String listSid, String username) {
    return lists.containsKey(listSid) && lists.get(listSid).members().remove(username);
  }

  @Override
  public synchronized boolean detachIpAccessControlList(String trunkSid, String aclSid) {
    return trunks.containsKey(trunkSid) && trunks.get(trunkSid).acls.remove(aclSid);
  }

  @Override
  public synchronized boolean detachCredentialList(String trunkSid, String listSid) {
    return trunks.containsKey(trunkSid) && trunks.get(trunkSid).lists.remove(listSid);
  }

  @Override
  public synchronized boolean deleteOriginationUrl(String trunkSid, String urlSid) {
    return trunks.containsKey(trunkSid) && trunks.get(trunkSid).urls.remove(urlSid) != null;
  }

  @Override
  public synchronized boolean unassignNumber(String trunkSid, String pn) {
    return trunks.containsKey(trunkSid) && trunks.get(trunkSid).numbers.remove(pn);
  }
}
