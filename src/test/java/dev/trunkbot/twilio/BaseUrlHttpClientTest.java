package dev.trunkbot.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.trunking.v1.Trunk;
import com.twilio.rest.trunking.v1.trunk.OriginationUrl;
import dev.trunkbot.sandbox.TwilioEmulator;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * twilio-java itself, pointed at the emulator by the rewriting client: both hosts, dates parsed,
 * one attempt per call.
 */
class BaseUrlHttpClientTest {
  private TwilioEmulator emulator;
  private TwilioRestClient client;

  @BeforeEach
  void start() throws Exception {
    emulator = TwilioEmulator.start(0);
    client =
        new TwilioRestClient.Builder(
                TwilioEmulator.SANDBOX_ACCOUNT_SID, TwilioEmulator.SANDBOX_AUTH_TOKEN)
            .httpClient(new BaseUrlHttpClient(Optional.of(emulator.baseUri())))
            .build();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void servesBothProductsFromOneBaseUrlAndCarriesTheOriginalHost() {
    Trunk trunk =
        Trunk.creator().setFriendlyName("t").setDomainName("t.pstn.twilio.com").create(client);
    CredentialList list = CredentialList.creator("cl").create(client);

    assertThat(emulator.requests().entries())
        .extracting(e -> e.path())
        .containsExactly(
            "/v1/Trunks",
            "/2010-04-01/Accounts/"
                + TwilioEmulator.SANDBOX_ACCOUNT_SID
                + "/SIP/CredentialLists.json");
    assertThat(trunk.getSid()).matches("TK[0-9a-f]{32}");
    assertThat(list.getSid()).matches("CL[0-9a-f]{32}");
  }

  @Test
  void theSdkParsesBothDateStyles() {
    Trunk trunk = Trunk.creator().setFriendlyName("t").create(client);
    OriginationUrl url =
        OriginationUrl.creator(
                trunk.getSid(), 10, 10, true, "us1", URI.create("sip:pbx.example;region=us1"))
            .create(client);
    CredentialList list = CredentialList.creator("cl").create(client);

    assertThat(Trunk.fetcher(trunk.getSid()).fetch(client).getDateCreated()).isNotNull();
    assertThat(url.getDateUpdated()).isNotNull();
    assertThat(url.getSipUrl()).hasToString("sip:pbx.example;region=us1");
    assertThat(CredentialList.fetcher(list.getSid()).fetch(client).getDateCreated()).isNotNull();
  }

  @Test
  void makesExactlyOneAttemptSoTheRetryPolicyIsTheOnlyRetryLayer() {
    emulator.faults().on("trunks.list").errorRate(1.0, 503);
    try {
      Trunk.reader().read(client).iterator().hasNext();
    } catch (com.twilio.exception.ApiException expected) {
      assertThat(expected.getStatusCode()).isEqualTo(503);
    }
    assertThat(emulator.requests().count("GET", "trunks.list")).isEqualTo(1);
  }

  @Test
  void rewritesOnlyTheHostKeepingPathAndQuery() {
    com.twilio.http.Request original =
        new com.twilio.http.Request(
            com.twilio.http.HttpMethod.GET,
            "https://trunking.twilio.com/v1/Trunks?PageSize=2&Page=1&PageToken=PT1");
    com.twilio.http.Request rewritten =
        BaseUrlHttpClient.rewrite(original, URI.create("http://127.0.0.1:9/prefix"));
    assertThat(rewritten.constructURL())
        .hasToString("http://127.0.0.1:9/prefix/v1/Trunks?PageSize=2&Page=1&PageToken=PT1");
    assertThat(rewritten.getHeaderParams().get(BaseUrlHttpClient.HOST_HEADER))
        .containsExactly("trunking.twilio.com");
  }
}
