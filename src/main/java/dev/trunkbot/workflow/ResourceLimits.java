package dev.trunkbot.workflow;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One limiter per resource name, shared by every run and step of one engine: a fair semaphore in
 * the process, and, when the engine holds limits across processes, a permit of the database's
 * behind it (so three processes together still make at most the limit of calls at once).
 */
final class ResourceLimits {
  private final Map<String, Integer> configured;
  private final int defaultLimit;
  private final Optional<ClusterPermits> cluster;
  private final Map<String, Limiter> limiters = new ConcurrentHashMap<>();

  ResourceLimits(
      Map<String, Integer> configured, int defaultLimit, Optional<ClusterPermits> cluster) {
    this.configured = Map.copyOf(configured);
    this.defaultLimit = defaultLimit;
    this.cluster = cluster;
  }

  Limiter get(String resource) {
    return limiters.computeIfAbsent(
        resource,
        r -> {
          int limit = configured.getOrDefault(r, defaultLimit);
          cluster.ifPresent(c -> c.prepare(r, limit));
          return new Limiter(r, limit, cluster);
        });
  }

  static final class Limiter implements ResourceLimiter {
    private final String resource;
    private final int limit;
    private final Semaphore permits;
    private final Optional<ClusterPermits> cluster;

    Limiter(String resource, int limit, Optional<ClusterPermits> cluster) {
      this.resource = resource;
      this.limit = limit;
      this.permits = new Semaphore(limit, true);
      this.cluster = cluster;
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
      acquire();
      try {
        return call.call();
      } finally {
        release();
      }
    }

    void acquire() throws InterruptedException {
      permits.acquire();
      if (cluster.isPresent()) {
        try {
          cluster.get().acquire(resource, limit);
        } catch (InterruptedException | RuntimeException e) {
          permits.release();
          throw e;
        }
      }
    }

    void release() {
      try {
        cluster.ifPresent(c -> c.release(resource));
      } finally {
        permits.release();
      }
    }

    int inUse() {
      return limit - permits.availablePermits();
    }
  }
}
