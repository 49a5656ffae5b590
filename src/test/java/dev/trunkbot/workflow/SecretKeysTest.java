package dev.trunkbot.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {
  @TempDir Path home;

  @Test
  void generatesAKeyFileOnceAndReadsItBack() throws Exception {
    var first = SecretKeys.fromEnvironment(Map.of(), home);
    var second = SecretKeys.fromEnvironment(Map.of(), home);
    assertThat(Files.exists(home.resolve(SecretKeys.KEY_FILE))).isTrue();
    assertThat(second.getEncoded()).isEqualTo(first.getEncoded());
  }

  @Test
  void environmentKeyWinsAndBadKeysSayWhatIsWrongWithoutEchoingThem() {
    String b64 = Base64.getEncoder().encodeToString(new byte[32]);
    assertThat(SecretKeys.fromEnvironment(Map.of(SecretKeys.ENV, b64), home).getEncoded())
        .hasSize(32);
    assertThatThrownBy(() -> SecretKeys.fromBase64("c2hvcnQ="))
        .hasMessageContaining("must decode to 32 bytes, got 5")
        .hasMessageNotContaining("c2hvcnQ=");
    assertThatThrownBy(() -> SecretKeys.fromBase64("not base64 !!"))
        .hasMessageContaining("not valid base64")
        .hasMessageNotContaining("not base64 !!");
  }

  @Test
  void sealedSecretsOpenOnlyForTheirRunAndName() {
    var box =
        new SecretBox(SecretKeys.fromBase64(Base64.getEncoder().encodeToString(new byte[32])));
    RunId run = RunId.random();
    String sealed = box.seal(run, "sip-password", "hunter2");
    assertThat(sealed).doesNotContain("hunter2");
    assertThat(box.open(run, "sip-password", sealed)).isEqualTo("hunter2");
    assertThatThrownBy(() -> box.open(RunId.random(), "sip-password", sealed))
        .hasMessageNotContaining("hunter2");
  }
}
