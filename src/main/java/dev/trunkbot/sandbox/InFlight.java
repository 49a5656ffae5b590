package dev.trunkbot.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests an emulator is serving at once, counted by the emulator itself: from the moment
 * a request arrives until its answer is ready to go out (so a client that has its answer never
 * finds its request still counted). Keeps the most seen at once since the last {@link #reset()}.
 */
public final class InFlight {
  private final AtomicInteger now = new AtomicInteger();
  private final AtomicInteger most = new AtomicInteger();

  void enter() {
    int n = now.incrementAndGet();
    most.accumulateAndGet(n, Math::max);
  }

  void leave() {
    now.decrementAndGet();
  }

  /** Requests being served right now. */
  public int now() {
    return now.get();
  }

  /** The most requests served at once since the start or the last {@link #reset()}. */
  public int most() {
    return most.get();
  }

  /** Starts counting the most at once afresh (from those in flight now). */
  public void reset() {
    most.set(now.get());
  }
}
