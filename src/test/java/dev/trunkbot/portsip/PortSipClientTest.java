package dev.trunkbot.portsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trunkbot.port.Change;
import dev.trunkbot.port.Ensured;
import dev.trunkbot.sandbox.PortSipEmulator;
import dev.trunkbot.sandbox.RequestLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The PortSIP client against the embedded emulator: every operation of the port, end to end over
 * HTTP.
 */
class PortSipClientTest extends PortSipEmulatorFixture {

  @org.junit.jupiter.params.ParameterizedTest(name = "answered {0} after acting")
  @org.junit.jupiter.params.provider.ValueSource(ints = {503, -1})
  void aTrunkCreateWhoseAnswerIsLostIsFoundNotSentAgain(int status) throws IOException {
    start(PortSipEmulator.builder(), Optional.empty());
    pbx.faults().on("providers.create").failNthAfterServing(1, status);
    List<String> intents = new ArrayList<>();

    Ensured<String> trunk =
        client.ensureRegisterTrunk(TRUNK, (kind, key) -> intents.add(kind + " " + key));

    assertThat(trunk.change()).isEqualTo(Change.CREATED);
    assertThat(client.findTrunk(TRUNK.name())).contains(trunk.value());
    assertThat(count("POST", "providers.create")).as("never a blind second create").isEqualTo(1);
    assertThat(intents).containsExactly("portsip.trunk " + TRUNK.name());
  }

  @Test
  void anAssigneeIsIntendedBeforeItIsAssignedAndALostAnswerIsRetried() throws IOException {
    start(PortSipEmulator.builder().seedTenants("acme"), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    pbx.faults().on("assignees.assign").failNthAfterServing(1, -1);
    List<String> intents = new ArrayList<>();

    Ensured<Assignee> a =
        client.ensureAssignee(
            id, "acme", "12027594810", 10, (kind, key) -> intents.add(kind + " " + key));

    assertThat(a.change()).isEqualTo(Change.CREATED);
    assertThat(intents).containsExactly("portsip.assignee acme");
    assertThat(client.readTrunk(TRUNK.name()).orElseThrow().assignees()).hasSize(1);
  }

  @Test
  void createsTheRegisterTrunkAsTheGuideSays() throws IOException {
    start(PortSipEmulator.builder(), Optional.empty());
    Ensured<String> trunk = client.ensureRegisterTrunk(TRUNK);
    assertThat(trunk.change()).isEqualTo(Change.CREATED);

    TrunkSnapshot read = client.readTrunk("Twilio-Reg-Trunk").orElseThrow();
    assertThat(read.id()).isEqualTo(trunk.value());
    assertThat(read.brand()).isEqualTo("Twilio");
    assertThat(read.authMode()).isEqualTo("REGISTER_AUTH");
    assertThat(read.hostname()).isEqualTo("portsip-pbx.pstn.twilio.com");
    assertThat(read.transport()).isEqualTo(Transport.UDP);
    assertThat(read.port()).isEqualTo(5060);
    assertThat(read.authId()).isEqualTo("portsip");
    assertThat(read.username()).isEqualTo("portsip");
    assertThat(read.registration()).isFalse();
    assertThat(read.outboundServer()).isEqualTo("portsip-pbx.pstn.twilio.com");
    assertThat(read.outboundServerPort()).isEqualTo(5060);
    assertThat(read.concurrency()).isEqualTo(30);
    assertThat(read.shared()).isTrue();
    assertThat(client.status(trunk.value())).isEqualTo(TrunkStatus.ONLINE);
    assertThat(client.readTrunk("no-such-trunk")).isEmpty();
  }

  @Test
  void secondRunCreatesNothingAndUpdatesNothing() throws IOException {
    start(PortSipEmulator.builder().seedTenants("acme", "globex"), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    client.ensureAssignee(id, "acme", "12027594810-12027594815", 10);
    client.ensureAssignee(id, "globex", "12027594820", 5);
    pbx.requests().clear();

    assertThat(client.ensureRegisterTrunk(TRUNK)).isEqualTo(Ensured.found(id));
    assertThat(client.ensureAssignee(id, "acme", "12027594810-12027594815", 10).change())
        .isEqualTo(Change.FOUND);
    assertThat(client.ensureAssignee(id, "globex", "12027594820", 5).change())
        .isEqualTo(Change.FOUND);

    assertThat(count("POST", "providers.create")).isZero();
    assertThat(count("POST", "providers.update")).isZero();
    assertThat(count("POST", "assignees.assign")).isZero();
  }

  @Test
  void correctsAFieldThatDriftedAndSendsThePasswordWithIt() throws IOException {
    start(PortSipEmulator.builder(), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    RegisterTrunk tls =
        new RegisterTrunk(
            TRUNK.name(),
            TRUNK.hostname(),
            Transport.TLS,
            5061,
            TRUNK.username(),
            TRUNK.password(),
            40,
            Optional.empty(),
            false);

    assertThat(client.ensureRegisterTrunk(tls)).isEqualTo(Ensured.updated(id));
    TrunkSnapshot read = client.readTrunk(TRUNK.name()).orElseThrow();
    assertThat(read.transport()).isEqualTo(Transport.TLS);
    assertThat(read.port()).isEqualTo(5061);
    assertThat(read.outboundServerPort()).isEqualTo(5061);
    assertThat(read.concurrency()).isEqualTo(40);
    RequestLog.Entry update =
        pbx.requests().matching(e -> e.endpoint().equals("providers.update")).get(0);
    assertThat(update.params()).containsEntry("password", "****");
  }

  @Test
  void aNewPasswordAloneIsSentWhenTheCallerSaysItChanged() throws IOException {
    start(PortSipEmulator.builder(), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    RegisterTrunk rotated =
        new RegisterTrunk(
            TRUNK.name(),
            TRUNK.hostname(),
            TRUNK.transport(),
            TRUNK.port(),
            TRUNK.username(),
            "Rotated-Secret-2027",
            TRUNK.concurrency(),
            Optional.empty(),
            true);
    assertThat(pbx.trunkPassword(TRUNK.name())).hasValue(TRUNK.password());

    assertThat(client.ensureRegisterTrunk(rotated)).isEqualTo(Ensured.updated(id));
    assertThat(count("POST", "providers.update")).isEqualTo(1);
    assertThat(pbx.trunkPassword(TRUNK.name())).hasValue("Rotated-Secret-2027");
  }

  @Test
  void closingTheClientSignsOut() throws IOException {
    start(PortSipEmulator.builder(), Optional.empty());
    client.ensureRegisterTrunk(TRUNK);
    client.close();
    assertThat(count("POST", "auth.sign_out")).isEqualTo(1);
  }

  @Test
  void refusesATrunkOfTheSameNameWithAnotherBrandOrAuthMode() throws IOException {
    start(PortSipEmulator.builder(), Optional.empty());
    client.ensureRegisterTrunk(TRUNK);
    String id = client.readTrunk(TRUNK.name()).orElseThrow().id();
    client.destroyTrunk(id);
    // someone made an IP-authenticated trunk under the same name by hand
    PortSipTestSupport.createRaw(pbx, TRUNK.name(), "Other", "IP_AUTH");

    assertThatThrownBy(() -> client.ensureRegisterTrunk(TRUNK))
        .isInstanceOfSatisfying(
            PortSipException.class,
            e -> assertThat(e.reason()).isEqualTo(PortSipException.Reason.TRUNK_CONFLICT))
        .hasMessageContaining("brand is 'Other'")
        .hasMessageContaining("auth_mode is 'IP_AUTH'")
        .hasMessageContaining("Choose another trunk name")
        .hasMessageNotContaining(TRUNK.password());
  }

  @Test
  void assignsTenantsAndCorrectsAChangedPool() throws IOException {
    start(PortSipEmulator.builder().seedTenants("acme", "globex"), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    Ensured<Assignee> acme = client.ensureAssignee(id, "acme", "12027594810-12027594815", 10);
    assertThat(acme.change()).isEqualTo(Change.CREATED);
    assertThat(acme.value().tenantName()).isEqualTo("acme");

    assertThat(client.ensureAssignee(id, "acme", "12027594810-12027594819", 10).change())
        .isEqualTo(Change.UPDATED);
    assertThat(client.ensureAssignee(id, "acme", "12027594810-12027594819", 12).change())
        .isEqualTo(Change.UPDATED);
    assertThat(client.readTrunk(TRUNK.name()).orElseThrow().assignees())
        .containsExactly(
            new Assignee("acme", acme.value().tenantId(), "12027594810-12027594819", 12));
  }

  @Test
  void overlappingTenantPoolsAreRefusedWithThePbxMessageVerbatim() throws IOException {
    start(PortSipEmulator.builder().seedTenants("acme", "globex"), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    client.ensureAssignee(id, "acme", "12027594810-12027594815", 10);

    assertThatThrownBy(() -> client.ensureAssignee(id, "globex", "12027594815;12027594830", 5))
        .isInstanceOfSatisfying(
            PortSipFailure.class,
            f -> {
              assertThat(f.status()).isEqualTo(400);
              assertThat(f.code()).isEqualTo("VALIDATE_FAILED");
              assertThat(f.pbxMessage())
                  .isEqualTo(
                      "field 'did_numbers' overlaps the DID pool of another tenant on this trunk: 12027594815");
              assertThat(f.getMessage()).contains(f.pbxMessage());
            });
  }

  @Test
  void aMissingTenantIsNamedWithTheTenantsThatExist() throws IOException {
    start(PortSipEmulator.builder().seedTenants("acme", "globex"), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    assertThatThrownBy(() -> client.ensureAssignee(id, "initech", "12027594810", 1))
        .isInstanceOfSatisfying(
            PortSipException.class,
            e -> assertThat(e.reason()).isEqualTo(PortSipException.Reason.TENANT_NOT_FOUND))
        .hasMessage("PortSIP has no tenant named 'initech'; tenants on the PBX: acme, globex");
  }

  @Test
  void undoRemovesAssignmentsAndTheTrunkAndCanBeRepeated() throws IOException {
    start(PortSipEmulator.builder().seedTenants("acme"), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    client.ensureAssignee(id, "acme", "12027594810", 1);

    assertThat(client.removeAssignee(id, "acme")).isTrue();
    assertThat(client.removeAssignee(id, "acme")).isFalse();
    assertThat(client.destroyTrunk(id)).isTrue();
    assertThat(client.destroyTrunk(id)).isFalse();
    assertThat(client.readTrunk(TRUNK.name())).isEmpty();
  }

  @Test
  void findsTenantsPastTheFirstPageOfAHundred() throws IOException {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      many.add(String.format("tenant-%03d", i));
    }
    start(PortSipEmulator.builder().seedTenants(many), Optional.empty());
    String id = client.ensureRegisterTrunk(TRUNK).value();
    assertThat(client.ensureAssignee(id, "tenant-127", "12027594810", 1).change())
        .isEqualTo(Change.CREATED);
    assertThat(pbx.requests().matching(e -> e.endpoint().equals("tenants.list")))
        .extracting(e -> e.params().get("skip"))
        .containsExactly("0", "100");
    assertThat(client.readTrunk(TRUNK.name()).orElseThrow().assignees())
        .extracting(Assignee::tenantName)
        .containsExactly("tenant-127");
  }

  @Test
  void tenantAdminKeepsItsOwnDidPoolOnItsOwnTrunk() throws IOException {
    pbx = PortSipEmulator.builder().clock(clock).seedTenants("acme").start(0);
    client = client(Optional.of(pbx.tenantDomain("acme")));
    RegisterTrunk own = TRUNK.withDidNumbers("12027594810-12027594815");
    String id = client.ensureRegisterTrunk(own).value();
    assertThat(client.ensureRegisterTrunk(own)).isEqualTo(Ensured.found(id));
    assertThat(client.ensureRegisterTrunk(TRUNK.withDidNumbers("12027594810")))
        .isEqualTo(Ensured.updated(id));
    TrunkSnapshot read = client.readTrunk(TRUNK.name()).orElseThrow();
    assertThat(read.didNumbers()).isEqualTo("12027594810");
    assertThat(read.shared()).isFalse();
    assertThat(read.assignees()).isEmpty();
    assertThatThrownBy(() -> client.ensureAssignee(id, "acme", "1", 1))
        .isInstanceOfSatisfying(
            PortSipException.class,
            e -> assertThat(e.reason()).isEqualTo(PortSipException.Reason.NOT_SYSTEM_ADMIN));
  }
}
