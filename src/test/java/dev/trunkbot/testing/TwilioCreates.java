package dev.trunkbot.testing;

import java.util.List;

/** Every Twilio emulator endpoint that creates something a run makes (its fault-rule names). */
public final class TwilioCreates {
  private TwilioCreates() {}

  public static final List<String> ENDPOINTS =
      List.of(
          "trunks.create",
          "ipAccessControlLists.create",
          "ipAddresses.create",
          "credentialLists.create",
          "credentials.create",
          "trunkIpAccessControlLists.create",
          "trunkCredentialLists.create",
          "originationUrls.create",
          "trunkPhoneNumbers.create");
}
