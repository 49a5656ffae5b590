package dev.trunkbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, as a new user runs it: the built jar, no account configured, the shipped
 * example.
 */
class JarSandboxIT {
  @TempDir Path home;

  @Test
  void createInTheSandboxSucceedsWithEveryStepSucceeded() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            "target/trunkbot.jar",
            "create",
            "--file",
            "examples/system-trunk.yaml",
            "--auto-approve",
            "--json");
    Map<String, String> env = pb.environment();
    env.keySet()
        .removeIf(
            k -> k.startsWith("TWILIO_") || k.startsWith("PORTSIP_") || k.startsWith("TRUNKBOT_"));
    env.put("TRUNKBOT_HOME", home.toString());
    pb.redirectError(home.resolve("stderr.txt").toFile());
    Process p = pb.start();
    byte[] stdout = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue())
        .as(new String(stdout) + java.nio.file.Files.readString(home.resolve("stderr.txt")))
        .isZero();
    JsonNode report = new ObjectMapper().readTree(stdout);
    assertThat(report.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(report.get("sandbox").asBoolean()).isTrue();
    assertThat(report.get("steps"))
        .hasSize(10) // the preflight and the nine steps of the guide
        .allSatisfy(s -> assertThat(s.get("state").asText()).isEqualTo("SUCCEEDED"));
    assertThat(java.nio.file.Files.readString(home.resolve("stderr.txt"))).contains("SANDBOX");
    assertThat(home.resolve("secret.key")).as("the sandbox writes no key to disk").doesNotExist();
  }
}
