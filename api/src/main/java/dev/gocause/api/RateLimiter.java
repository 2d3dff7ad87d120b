package dev.gocause.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client: {@code rate} requests per second on average, bursts up to
 * {@code max(1, 2*rate)}. Idle buckets are dropped so the map stays small.
 */
final class RateLimiter {
  private final double rate;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile long lastSweep = System.nanoTime();

  private static final class Bucket {
    double tokens;
    long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }
  }

  RateLimiter(double ratePerSecond) {
    this.rate = ratePerSecond;
    this.burst = Math.max(1, 2 * ratePerSecond);
  }

  /** 0 when the request may go ahead, else the whole seconds to wait before the next one. */
  long acquire(String client) {
    long now = System.nanoTime();
    sweep(now);
    Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.last) / 1e9 * rate);
      b.last = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - b.tokens) / rate));
    }
  }

  private void sweep(long now) {
    if (now - lastSweep < 60_000_000_000L) {
      return;
    }
    lastSweep = now;
    long idle = (long) (burst / rate * 1e9) + 1_000_000_000L;
    buckets.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        return now - e.getValue().last > idle;
      }
    });
  }
}
