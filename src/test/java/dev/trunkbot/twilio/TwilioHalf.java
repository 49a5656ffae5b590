package dev.trunkbot.twilio;

import dev.trunkbot.port.Ensured;
import dev.trunkbot.port.RetryPolicy;
import dev.trunkbot.sandbox.TwilioEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: the Twilio half of the guide (steps 1-7) as the provisioning layer will run it, and
 * a client for an emulator.
 */
final class TwilioHalf {
  static final String NAME = "Acme PBX";
  static final String DOMAIN = "acme-pbx.pstn.twilio.com";
  static final String PBX_IP = "203.0.113.10";
  static final String USERNAME = "acmepbx";
  static final String PASSWORD = "Str0ngEnough2024";
  static final String US1 = "sip:pbx.acme.example;region=us1";
  static final String US2 = "sip:pbx.acme.example;region=us2";
  static final List<String> DIDS = List.of("+12027594810", "+12027594811");

  private TwilioHalf() {}

  /** A client of the emulator whose retry waits are recorded in {@code sleeps} instead of slept. */
  static SdkTwilioTrunking client(
      TwilioEmulator emulator, List<Duration> sleeps, int maxAttempts, int pageSize) {
    TwilioConfig config =
        TwilioConfig.ofAuthToken(
                TwilioEmulator.SANDBOX_ACCOUNT_SID, TwilioEmulator.SANDBOX_AUTH_TOKEN)
            .withBaseUrl(emulator.baseUri());
    RetryPolicy policy =
        RetryPolicy.standard().withSleeper(sleeps::add).withMaxAttempts(maxAttempts);
    return SdkTwilioTrunking.connect(config, policy, pageSize);
  }

  static SdkTwilioTrunking client(TwilioEmulator emulator) {
    return client(emulator, new ArrayList<>(), 5, 50);
  }

  /** Steps 1-7; returns what each step reported, in order. */
  static List<Ensured<String>> run(TwilioTrunking twilio) {
    List<Ensured<String>> steps = new ArrayList<>();
    Ensured<String> trunk = twilio.ensureTrunk(NAME, DOMAIN);
    steps.add(trunk);
    Ensured<String> acl = twilio.ensureIpAccessControlList(NAME, PBX_IP);
    steps.add(acl);
    steps.add(twilio.attachIpAccessControlList(trunk.value(), acl.value()));
    Ensured<String> cl = twilio.ensureCredentialList(NAME, USERNAME, PASSWORD, false);
    steps.add(cl);
    steps.add(twilio.attachCredentialList(trunk.value(), cl.value()));
    steps.add(twilio.ensureOriginationUrl(trunk.value(), US1, 10, 10, true, NAME + " us1"));
    steps.add(twilio.ensureOriginationUrl(trunk.value(), US2, 20, 10, true, NAME + " us2"));
    NumberLookup numbers = twilio.lookupNumbers(DIDS);
    for (String did : DIDS) {
      steps.add(twilio.assignNumber(trunk.value(), numbers.owned().get(did)));
    }
    return steps;
  }
}
