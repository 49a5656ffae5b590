package dev.trunkbot.portsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS against a loopback HTTPS server whose certificate a private (fake) CA signed: refused with
 * the JDK trust store alone, accepted once PORTSIP_CA_FILE names that CA. Verification is never
 * switched off.
 */
class PortSipTlsTest {
  private HttpsServer server;

  @BeforeEach
  void startHttps() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = getClass().getResourceAsStream("/tls/pbx-localhost.p12")) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext(
        "/",
        exchange -> {
          byte[] body =
              "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"tls ok, login refused\"}]}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(400, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void refusesAPrivateCaWithTheJdkTrustStoreAloneNamingTheSettingThatFixesIt() {
    List<Duration> sleeps = new ArrayList<>();
    PortSipClient client = PortSipClient.builder(config(Map.of())).sleeper(sleeps::add).build();
    assertThatThrownBy(() -> client.status("x"))
        .isInstanceOfSatisfying(
            PortSipException.class,
            e -> assertThat(e.reason()).isEqualTo(PortSipException.Reason.UNTRUSTED_CERTIFICATE))
        .hasMessageContaining("does not trust")
        .hasMessageContaining("set PORTSIP_CA_FILE");
    assertThat(sleeps).as("a distrusted certificate is not retried").isEmpty();
  }

  @Test
  void trustsThePbxOnceTheCaFileIsGiven() throws Exception {
    PortSipClient client =
        PortSipClient.builder(config(Map.of("PORTSIP_CA_FILE", caFile().toString())))
            .sleeper(d -> {})
            .build();
    assertThatThrownBy(() -> client.status("x"))
        .isInstanceOfSatisfying(
            PortSipFailure.class,
            f -> assertThat(f.pbxMessage()).isEqualTo("tls ok, login refused"));
  }

  @Test
  void aFileWithoutCertificatesIsAClearError() throws Exception {
    Path empty = Files.createTempFile("not-a-ca", ".pem");
    try {
      Files.writeString(empty, "hello");
      assertThatThrownBy(
              () -> PortSipClient.create(config(Map.of("PORTSIP_CA_FILE", empty.toString()))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PORTSIP_CA_FILE");
    } finally {
      Files.deleteIfExists(empty);
    }
  }

  private PortSipConfig config(Map<String, String> extra) {
    Map<String, String> env =
        new java.util.HashMap<>(
            Map.of(
                "PORTSIP_URL",
                "https://127.0.0.1:" + server.getAddress().getPort(),
                "PORTSIP_USERNAME",
                "admin",
                "PORTSIP_PASSWORD",
                "pw"));
    env.putAll(extra);
    return PortSipConfig.fromEnvironment(env);
  }

  private Path caFile() throws URISyntaxException {
    return Path.of(getClass().getResource("/tls/test-ca.pem").toURI());
  }
}
