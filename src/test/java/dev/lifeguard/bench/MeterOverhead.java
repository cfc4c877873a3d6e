package dev.lifeguard.bench;

import dev.lifeguard.accounts.KeyStore;
import dev.lifeguard.accounts.Meter;
import dev.lifeguard.accounts.Plan;
import dev.lifeguard.config.ConfigLoader;
import dev.lifeguard.config.PlanLimits;
import dev.lifeguard.store.Database;
import dev.lifeguard.store.Migrations;
import dev.lifeguard.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What the limit-and-charge statement costs per request, against a plain {@code SELECT 1} round trip
 * on the same pool. Not part of the build: run it by name (see docs/PERFORMANCE.md).
 */
class MeterOverhead {
  static final int WARM_UP = 1_000;
  static final int MEASURED = 5_000;
  static final PlanLimits UNLIMITED = new PlanLimits(PlanLimits.MAX, PlanLimits.MAX);

  @Test
  void measure() {
    Vertx vertx = Vertx.vertx();
    URI url = TestDatabase.fresh();
    Pool pool = Database.createPool(vertx, url, ConfigLoader.defaults(Map.of()).database());
    try {
      Migrations.apply(pool).await();
      KeyStore keys = new KeyStore(pool);
      Meter meter = new Meter(pool);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String id = keys.create("bench-" + i, Plan.ENTERPRISE, false).await().record().id();
        pool.preparedQuery("UPDATE key_meters SET billing = true, balance_mills = 1000000000 WHERE key_id = $1").execute(Tuple.of(id)).await();
        ids.add(id);
      }
      String hot = ids.get(0);
      report("SELECT 1 (round trip), sequential", sequential(() -> pool.query("SELECT 1").execute().mapEmpty()));
      report("admit + charge, sequential, one key", sequential(() -> meter.admit(hot, UNLIMITED, 3).mapEmpty()));
      report("SELECT 1, 8 in flight", concurrent(8, i -> pool.query("SELECT 1").execute().mapEmpty()));
      report("admit + charge, 8 in flight, one key", concurrent(8, i -> meter.admit(hot, UNLIMITED, 3).mapEmpty()));
      report("admit + charge, 8 in flight, 8 keys", concurrent(8, i -> meter.admit(ids.get(i % 8), UNLIMITED, 3).mapEmpty()));
    } finally {
      pool.close().await();
      vertx.close().await();
    }
  }

  interface Call {
    Future<Void> run(int i);
  }

  /** Per-call latencies in microseconds, one call at a time. */
  static long[] sequential(Supplier<Future<Void>> call) {
    for (int i = 0; i < WARM_UP; i++) {
      call.get().await();
    }
    long[] micros = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      call.get().await();
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    return micros;
  }

  /** Per-call latencies with {@code inFlight} calls outstanding at all times; the last element is the wall time. */
  static long[] concurrent(int inFlight, Call call) {
    sequential(() -> call.run(0));
    long[] micros = new long[MEASURED + 1];
    long wall = System.nanoTime();
    for (int batch = 0; batch < MEASURED; batch += inFlight) {
      List<Future<Void>> calls = new ArrayList<>();
      for (int j = 0; j < inFlight && batch + j < MEASURED; j++) {
        int index = batch + j;
        long start = System.nanoTime();
        calls.add(call.run(index).onComplete(r -> micros[index] = (System.nanoTime() - start) / 1_000));
      }
      Future.all(calls).await();
    }
    micros[MEASURED] = (System.nanoTime() - wall) / 1_000;
    return micros;
  }

  static void report(String name, long[] results) {
    boolean timed = results.length == MEASURED + 1;
    long[] micros = Arrays.copyOf(results, MEASURED);
    Arrays.sort(micros);
    long total = timed ? results[MEASURED] : Arrays.stream(micros).sum();
    System.out.printf("BENCH %-40s p50 %5d µs  p90 %5d µs  p99 %5d µs  %6.0f calls/s%n", name,
        micros[MEASURED / 2], micros[MEASURED * 9 / 10], micros[MEASURED * 99 / 100], MEASURED / (total / 1e6));
  }
}
