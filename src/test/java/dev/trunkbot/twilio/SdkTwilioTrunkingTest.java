package dev.trunkbot.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trunkbot.port.Change;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.port.RetryPolicy;
import dev.trunkbot.sandbox.TwilioEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every port operation through the real twilio-java SDK against the emulator. */
class SdkTwilioTrunkingTest {
  private TwilioEmulator emulator;
  private final List<Duration> sleeps = new ArrayList<>();
  private SdkTwilioTrunking twilio;
  private Map<String, String> numbers;

  @BeforeEach
  void start() throws Exception {
    emulator = TwilioEmulator.start(0);
    numbers = emulator.seedPhoneNumbers("12027594810", "12027594811", "12027594812");
    twilio = TwilioHalf.client(emulator, sleeps, 4, 50);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void ensureTrunkCreatesThenFindsByDomainAndCorrectsTheFriendlyName() {
    Ensured<String> created = twilio.ensureTrunk("Acme", "acme.pstn.twilio.com");
    assertThat(created.change()).isEqualTo(Change.CREATED);
    assertThat(created.value()).matches("TK[0-9a-f]{32}");
    assertThat(twilio.ensureTrunk("Acme", "acme.pstn.twilio.com"))
        .isEqualTo(Ensured.found(created.value()));
    assertThat(twilio.ensureTrunk("Acme renamed", "ACME.pstn.twilio.com"))
        .isEqualTo(Ensured.updated(created.value()));
    assertThat(twilio.readTrunk("acme.pstn.twilio.com"))
        .get()
        .extracting(TrunkSnapshot::friendlyName)
        .isEqualTo("Acme renamed");
  }

  @Test
  void ensureTrunkAdoptsATrunkOfTheSameNameThatHasNoDomainYet() {
    String sid =
        com.twilio.rest.trunking.v1.Trunk.creator()
            .setFriendlyName("Half made")
            .create(sdkClient())
            .getSid();
    assertThat(twilio.ensureTrunk("Half made", "half.pstn.twilio.com"))
        .isEqualTo(Ensured.updated(sid));
    assertThat(emulator.inventory().trunks()).isEqualTo(1);
  }

  @Test
  void ensureIpAccessControlListAddsAMissingAddressToAnExistingList() {
    Ensured<String> created = twilio.ensureIpAccessControlList("pbx", "203.0.113.10");
    assertThat(created.change()).isEqualTo(Change.CREATED);
    assertThat(created.value()).matches("AL[0-9a-f]{32}");
    assertThat(twilio.ensureIpAccessControlList("pbx", "203.0.113.10"))
        .isEqualTo(Ensured.found(created.value()));
    assertThat(twilio.ensureIpAccessControlList("pbx", "203.0.113.11"))
        .isEqualTo(Ensured.updated(created.value()));
    assertThat(emulator.inventory().ipAddresses()).isEqualTo(2);
  }

  @Test
  void ensureCredentialListUpdatesAnExistingCredentialsPasswordInsteadOfDuplicatingIt() {
    Ensured<String> created =
        twilio.ensureCredentialList("pbx", "acmepbx", "Str0ngEnough2024", false);
    assertThat(created.change()).isEqualTo(Change.CREATED);
    emulator.requests().clear();

    assertThat(twilio.ensureCredentialList("pbx", "acmepbx", "An0therStrong2025", false))
        .isEqualTo(Ensured.found(created.value()));
    assertThat(twilio.ensureCredentialList("pbx", "acmepbx", "An0therStrong2025", true))
        .isEqualTo(Ensured.updated(created.value()));

    assertThat(emulator.requests().count("POST", "credentials.update")).isEqualTo(1);
    assertThat(emulator.requests().count("POST", "credentials.create")).isZero();
    assertThat(emulator.inventory().credentials()).isEqualTo(1);
    assertThat(emulator.requests().entries().toString()).doesNotContain("An0therStrong2025");
  }

  @Test
  void attachmentsAreFoundBeforeTheyAreCreated() {
    String trunk = twilio.ensureTrunk("t", "t.pstn.twilio.com").value();
    String acl = twilio.ensureIpAccessControlList("acl", "198.51.100.7").value();
    String cl = twilio.ensureCredentialList("cl", "user1", "Str0ngEnough2024", false).value();
    assertThat(twilio.attachIpAccessControlList(trunk, acl)).isEqualTo(Ensured.created(acl));
    assertThat(twilio.attachIpAccessControlList(trunk, acl)).isEqualTo(Ensured.found(acl));
    assertThat(twilio.attachCredentialList(trunk, cl)).isEqualTo(Ensured.created(cl));
    assertThat(twilio.attachCredentialList(trunk, cl)).isEqualTo(Ensured.found(cl));
  }

  @Test
  void ensureOriginationUrlCorrectsPriorityWeightAndEnabled() {
    String trunk = twilio.ensureTrunk("t", "t.pstn.twilio.com").value();
    Ensured<String> us1 = twilio.ensureOriginationUrl(trunk, TwilioHalf.US1, 10, 10, true, "us1");
    assertThat(us1.change()).isEqualTo(Change.CREATED);
    assertThat(us1.value()).matches("OU[0-9a-f]{32}");
    assertThat(twilio.ensureOriginationUrl(trunk, TwilioHalf.US1, 10, 10, true, "us1"))
        .isEqualTo(Ensured.found(us1.value()));
    assertThat(twilio.ensureOriginationUrl(trunk, TwilioHalf.US1, 15, 20, false, "us1"))
        .isEqualTo(Ensured.updated(us1.value()));

    TrunkSnapshot.OriginationUrl read =
        twilio.readTrunk("t.pstn.twilio.com").orElseThrow().originationUrls().get(0);
    assertThat(read)
        .isEqualTo(
            new TrunkSnapshot.OriginationUrl(us1.value(), TwilioHalf.US1, 15, 20, false, "us1"));
  }

  @Test
  void lookupNumbersTellsOwnedFromNotOwned() {
    NumberLookup lookup =
        twilio.lookupNumbers(List.of("+12027594810", "+19995550100", "+12027594812"));
    assertThat(lookup.owned())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "+12027594810",
                numbers.get("+12027594810"),
                "+12027594812",
                numbers.get("+12027594812")));
    assertThat(lookup.notOwned()).containsExactly("+19995550100");
    assertThatThrownBy(() -> twilio.lookupNumbers(List.of("2027594810")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("E.164");
  }

  @Test
  void assignNumberIsFoundTheSecondTime() {
    String trunk = twilio.ensureTrunk("t", "t.pstn.twilio.com").value();
    String pn = numbers.get("+12027594811");
    assertThat(twilio.assignNumber(trunk, pn)).isEqualTo(Ensured.created(pn));
    assertThat(twilio.assignNumber(trunk, pn)).isEqualTo(Ensured.found(pn));
  }

  @Test
  void readTrunkShowsTheWholeTwilioHalf() {
    TwilioHalf.run(twilio);
    TrunkSnapshot t = twilio.readTrunk(TwilioHalf.DOMAIN).orElseThrow();
    assertThat(t.friendlyName()).isEqualTo(TwilioHalf.NAME);
    assertThat(t.ipAccessControlLists())
        .singleElement()
        .satisfies(a -> assertThat(a.ipAddresses()).containsExactly(TwilioHalf.PBX_IP));
    assertThat(t.credentialLists())
        .singleElement()
        .satisfies(c -> assertThat(c.usernames()).containsExactly(TwilioHalf.USERNAME));
    assertThat(t.originationUrls())
        .extracting(
            TrunkSnapshot.OriginationUrl::sipUrl,
            TrunkSnapshot.OriginationUrl::priority,
            TrunkSnapshot.OriginationUrl::weight)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TwilioHalf.US1, 10, 10),
            org.assertj.core.groups.Tuple.tuple(TwilioHalf.US2, 20, 10));
    assertThat(t.numbers())
        .extracting(TrunkSnapshot.Number::e164)
        .containsExactlyElementsOf(TwilioHalf.DIDS);
    assertThat(twilio.readTrunk("nothing.pstn.twilio.com")).isEqualTo(Optional.empty());
  }

  @Test
  void undoRemovesWhatARunCreatedAndIsIdempotent() {
    List<Ensured<String>> steps = TwilioHalf.run(twilio);
    String trunk = steps.get(0).value();
    String acl = steps.get(1).value();
    String cl = steps.get(3).value();
    String us1 = steps.get(5).value();
    String pn = steps.get(7).value();

    assertThat(twilio.unassignNumber(trunk, pn)).isTrue();
    assertThat(twilio.unassignNumber(trunk, pn)).isFalse();
    assertThat(twilio.deleteOriginationUrl(trunk, us1)).isTrue();
    assertThat(twilio.deleteOriginationUrl(trunk, us1)).isFalse();
    assertThat(twilio.detachIpAccessControlList(trunk, acl)).isTrue();
    assertThat(twilio.detachIpAccessControlList(trunk, acl)).isFalse();
    assertThat(twilio.detachCredentialList(trunk, cl)).isTrue();
    assertThat(twilio.detachCredentialList(trunk, cl)).isFalse();
    assertThat(twilio.removeIpAddress(acl, TwilioHalf.PBX_IP)).isTrue();
    assertThat(twilio.removeIpAddress(acl, TwilioHalf.PBX_IP)).isFalse();
    assertThat(twilio.removeCredential(cl, TwilioHalf.USERNAME)).isTrue();
    assertThat(twilio.removeCredential(cl, TwilioHalf.USERNAME)).isFalse();
    assertThat(twilio.deleteIpAccessControlList(acl)).isTrue();
    assertThat(twilio.deleteIpAccessControlList(acl)).isFalse();
    assertThat(twilio.deleteCredentialList(cl)).isTrue();
    assertThat(twilio.deleteCredentialList(cl)).isFalse();
    assertThat(twilio.removeIpAddress(acl, TwilioHalf.PBX_IP)).as("from a list gone").isFalse();
    assertThat(twilio.removeCredential(cl, TwilioHalf.USERNAME)).isFalse();
    assertThat(twilio.deleteTrunk(trunk)).isTrue();
    assertThat(twilio.deleteTrunk(trunk)).isFalse();
    assertThat(emulator.inventory())
        .isEqualTo(new TwilioEmulator.Inventory(0, 0, 0, 0, 0, 0, 0, 0, 0, 3));
  }

  @Test
  void findsAcrossPagesInBothPagingStyles() {
    SdkTwilioTrunking smallPages = TwilioHalf.client(emulator, sleeps, 4, 2);
    for (int i = 0; i < 5; i++) {
      smallPages.ensureTrunk("t" + i, "t" + i + ".pstn.twilio.com");
      smallPages.ensureCredentialList("cl" + i, "user", "Str0ngEnough2024", false);
    }
    emulator.requests().clear();

    assertThat(smallPages.ensureTrunk("t4", "t4.pstn.twilio.com").change()).isEqualTo(Change.FOUND);
    assertThat(smallPages.ensureCredentialList("cl4", "user", "Str0ngEnough2024", true).change())
        .isEqualTo(Change.UPDATED);

    assertThat(emulator.requests().count("GET", "trunks.list"))
        .isEqualTo(3); // v1: meta.next_page_url
    assertThat(emulator.requests().count("GET", "credentialLists.list"))
        .isEqualTo(3); // 2010: next_page_uri
    assertThat(emulator.requests().count(e -> e.endpoint().endsWith(".create"))).isZero();
  }

  @Test
  void a429IsRetriedAfterItsRetryAfter() {
    emulator.faults().on("trunks.create").failNth(1, 429);
    assertThat(twilio.ensureTrunk("t", "t.pstn.twilio.com").change()).isEqualTo(Change.CREATED);
    assertThat(emulator.requests().count("POST", "trunks.create")).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    assertThat(emulator.inventory().trunks()).isEqualTo(1);
  }

  @Test
  void persistent503sAreRetriedWithGrowingBackoffThenFailRetryable() {
    emulator.faults().on("trunks.list").errorRate(1.0, 503);
    assertThatThrownBy(() -> twilio.ensureTrunk("t", "t.pstn.twilio.com"))
        .isInstanceOfSatisfying(
            TwilioFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(503);
              assertThat(f.code()).isEqualTo(20503);
              assertThat(f.retryable()).isTrue();
              assertThat(f.operation()).isEqualTo("ensureTrunk");
            });
    assertThat(emulator.requests().count("GET", "trunks.list")).isEqualTo(4);
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
    assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void aDroppedConnectionIsRetried() {
    emulator.faults().on("trunks.list").failNth(1, -1);
    assertThat(twilio.ensureTrunk("t", "t.pstn.twilio.com").change()).isEqualTo(Change.CREATED);
    assertThat(emulator.requests().count("GET", "trunks.list")).isEqualTo(2);
  }

  @Test
  void clientErrorsAreTypedAndNotRetried() {
    assertThatThrownBy(() -> twilio.ensureTrunk("t", "not a domain"))
        .isInstanceOfSatisfying(
            TwilioFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(400);
              assertThat(f.code()).isEqualTo(21247);
              assertThat(f.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21247");
              assertThat(f.retryable()).isFalse();
            });
    assertThat(emulator.requests().count("POST", "trunks.create")).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aWeakPasswordIs21240() {
    assertThatThrownBy(() -> twilio.ensureCredentialList("cl", "user", "weak", false))
        .isInstanceOfSatisfying(
            TwilioFailure.class,
            f -> {
              assertThat(f.code()).isEqualTo(21240);
              assertThat(f.getMessage()).doesNotContain("weak\"").contains("21240");
            });
  }

  @Test
  void aWrongTokenIs20003AndNotRetried() {
    TwilioConfig wrong =
        TwilioConfig.ofAuthToken(TwilioEmulator.SANDBOX_ACCOUNT_SID, "not-the-token")
            .withBaseUrl(emulator.baseUri());
    SdkTwilioTrunking bad =
        SdkTwilioTrunking.connect(wrong, RetryPolicy.standard().withSleeper(sleeps::add), 50);
    assertThatThrownBy(() -> bad.ensureTrunk("t", "t.pstn.twilio.com"))
        .isInstanceOfSatisfying(
            TwilioFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(401);
              assertThat(f.code()).isEqualTo(20003);
              assertThat(f.getMessage())
                  .doesNotContain("not-the-token")
                  .contains("check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN");
            });
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aWrongApiSecretNamesTheApiKeyVariables() {
    TwilioConfig wrong =
        new TwilioConfig(
            TwilioEmulator.SANDBOX_ACCOUNT_SID,
            TwilioEmulator.SANDBOX_API_KEY,
            "not-the-secret",
            Optional.of(emulator.baseUri()));
    SdkTwilioTrunking bad =
        SdkTwilioTrunking.connect(wrong, RetryPolicy.standard().withSleeper(sleeps::add), 50);
    assertThatThrownBy(bad::accountStatus)
        .isInstanceOfSatisfying(
            TwilioFailure.class,
            f ->
                assertThat(f.getMessage())
                    .contains("check TWILIO_API_KEY and TWILIO_API_SECRET")
                    .doesNotContain("not-the-secret"));
  }

  @Test
  void anApiKeyAuthenticatesForTheAccount() {
    TwilioConfig key =
        new TwilioConfig(
            TwilioEmulator.SANDBOX_ACCOUNT_SID,
            TwilioEmulator.SANDBOX_API_KEY,
            TwilioEmulator.SANDBOX_API_SECRET,
            Optional.of(emulator.baseUri()));
    SdkTwilioTrunking viaKey = SdkTwilioTrunking.connect(key, RetryPolicy.standard(), 50);
    assertThat(viaKey.ensureCredentialList("cl", "user", "Str0ngEnough2024", false).change())
        .isEqualTo(Change.CREATED);
    assertThat(viaKey.lookupNumbers(List.of("+12027594810")).allOwned()).isTrue();
  }

  private com.twilio.http.TwilioRestClient sdkClient() {
    return new com.twilio.http.TwilioRestClient.Builder(
            TwilioEmulator.SANDBOX_ACCOUNT_SID, TwilioEmulator.SANDBOX_AUTH_TOKEN)
        .httpClient(new BaseUrlHttpClient(Optional.of(emulator.baseUri())))
        .build();
  }
}
