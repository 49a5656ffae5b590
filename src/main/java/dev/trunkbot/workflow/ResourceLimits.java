package dev.trunkbot.workflow;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One fair semaphore per resource name, shared by every run and step of one engine (per process).
 */
final class ResourceLimits {
  private final Map<String, Integer> configured;
  private final int defaultLimit;
  private final Map<String, Limiter> limiters = new ConcurrentHashMap<>();

  ResourceLimits(Map<String, Integer> configured, int defaultLimit) {
    this.configured = Map.copyOf(configured);
    this.defaultLimit = defaultLimit;
  }

  Limiter get(String resource) {
    return limiters.computeIfAbsent(
        resource, r -> new Limiter(r, configured.getOrDefault(r, defaultLimit)));
  }

  static final class Limiter implements ResourceLimiter {
    private final String resource;
    private final int limit;
    private final Semaphore permits;

    Limiter(String resource, int limit) {
      this.resource = resource;
      this.limit = limit;
      this.permits = new Semaphore(limit, true);
    }

    @Override
    public String resource() {
      return resource;
    }

    @Override
    public int limit() {
      return limit;
    }

    @Override
    public <R> R call(Callable<R> call) throws Exception {
      permits.acquire();
      try {
        return call.call();
      } finally {
        permits.release();
      }
    }

    void acquire() throws InterruptedException {
      permits.acquire();
    }

    void release() {
      permits.release();
    }

    int inUse() {
      return limit - permits.availablePermits();
    }
  }
}
