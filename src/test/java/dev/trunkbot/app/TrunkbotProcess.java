package dev.trunkbot.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code trunkbot} command in its own JVM (the test classpath, {@link Main}), with the given
 * environment only, its output kept line by line.
 */
final class TrunkbotProcess implements AutoCloseable {
  final Process process;
  final List<String> out = Collections.synchronizedList(new ArrayList<>());
  final List<String> err = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> readers = new ArrayList<>();

  private TrunkbotProcess(Process process) {
    this.process = process;
    readers.add(read(process.getInputStream(), out));
    readers.add(read(process.getErrorStream(), err));
  }

  /**
   * Starts {@code trunkbot args...} as {@code user} (its CLI identity) with exactly {@code env}.
   */
  static TrunkbotProcess start(Map<String, String> env, String user, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Duser.name=" + user);
    command.add("-Xmx256m");
    command.add("-Dlogback.configurationFile=logback.xml"); // the product's, not the tests'

    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("TWILIO_") || k.startsWith("PORTSIP_") || k.startsWith("TRUNKBOT_"));
    pb.environment().putAll(env);
    return new TrunkbotProcess(pb.start());
  }

  private static Thread read(InputStream stream, List<String> into) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  into.add(line);
                }
              } catch (IOException ended) {
                // the process is gone
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Its exit code, waiting at most {@code bound}; fails the test when it runs longer. */
  int exitCode(Duration bound) throws InterruptedException {
    if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("trunkbot did not exit within " + bound + ": " + output());
    }
    for (Thread t : readers) {
      t.join(5000);
    }
    return process.exitValue();
  }

  String output() {
    return "stdout " + List.copyOf(out) + " stderr " + List.copyOf(err);
  }

  String stdout() {
    return String.join("\n", List.copyOf(out));
  }

  /** True when any line looks like a Java stack trace. */
  boolean printedAStackTrace() {
    List<String> all = new ArrayList<>(List.copyOf(out));
    all.addAll(List.copyOf(err));
    return all.stream()
        .anyMatch(
            l ->
                l.startsWith("\tat ")
                    || l.matches("^\\s+at [a-z].*\\(.*\\)$")
                    || l.contains("Exception in thread"));
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
