package dev.trunkbot.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT: close what the process registered (the service stops taking work, lets
 * running steps finish within its bound or releases them to another process, then closes the
 * database), then exit. Done in a signal handler rather than a shutdown hook, because the JVM runs
 * hooks all at once: the embedded database's own hook would close it under steps still writing. If
 * closing takes longer than the bound, the process halts anyway.
 */
final class Shutdown {
  private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);
  private static final List<AutoCloseable> REGISTERED = new CopyOnWriteArrayList<>();
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static volatile Integer exitCodeOnSignal;
  private static volatile Duration bound = Duration.ofSeconds(40);

  private Shutdown() {}

  /** Handles SIGTERM and SIGINT from now on (once per process). */
  static void install() {
    for (String name : List.of("TERM", "INT")) {
      try {
        Signal.handle(new Signal(name), Shutdown::onSignal);
      } catch (IllegalArgumentException unsupported) {
        LOG.debug("signal {} cannot be handled here", name);
      }
    }
  }

  /** Closed on a signal, newest first; the returned handle unregisters (after a normal close). */
  static AutoCloseable register(AutoCloseable resource) {
    REGISTERED.add(0, resource);
    return () -> REGISTERED.remove(resource);
  }

  /** The exit code after a signal (serve: 0); default 128 + the signal's number. */
  static void exitCodeOnSignal(int code) {
    exitCodeOnSignal = code;
  }

  /** The longest a signal's shutdown may take before the process halts. */
  static void bound(Duration d) {
    bound = d;
  }

  static boolean inProgress() {
    return STARTED.get();
  }

  private static void onSignal(Signal signal) {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    int code = exitCodeOnSignal != null ? exitCodeOnSignal : 128 + signal.getNumber();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(bound.toMillis());
                System.err.println("trunkbot: shutdown took longer than " + bound + "; halting");
                java.lang.Runtime.getRuntime().halt(code == 0 ? 1 : code);
              } catch (InterruptedException done) {
                // closed in time
              }
            },
            "shutdown-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Thread closer =
        new Thread(
            () -> {
              for (AutoCloseable r : List.copyOf(REGISTERED)) {
                try {
                  r.close();
                } catch (Exception e) {
                  LOG.warn("closing at shutdown: {}", e.getMessage());
                }
              }
              System.exit(code);
            },
            "shutdown");
    closer.start();
  }
}
