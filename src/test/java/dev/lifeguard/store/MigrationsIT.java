package dev.lifeguard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lifeguard.config.ConfigLoader;
import dev.lifeguard.config.DatabaseConfig;
import dev.lifeguard.testing.Sql;
import dev.lifeguard.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Migrations: applied once, recorded, idempotent, safe when instances start together. */
@ExtendWith(VertxExtension.class)
class MigrationsIT {
  private final DatabaseConfig config = ConfigLoader.defaults(Map.of()).database();

  @Test
  void instances_starting_together_apply_each_migration_exactly_once(Vertx vertx) throws Exception {
    URI db = TestDatabase.fresh();
    List<Pool> pools = new ArrayList<>();
    List<Future<Integer>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Pool pool = Database.createPool(vertx, db, config);
      pools.add(pool);
      runs.add(Migrations.apply(pool));
    }
    Future.all(runs).await();
    int total = runs.stream().mapToInt(Future::result).sum();
    int shipped = Migrations.load().size();

    assertEquals(shipped, total, "together the instances applied each migration once");
    assertEquals(shipped, Sql.count(db, "SELECT count(*) FROM schema_version"));
    assertEquals(0, Migrations.apply(pools.get(0)).await(), "a restart applies nothing");
    assertEquals(Migrations.load().get(shipped - 1).version(), Migrations.currentVersion(pools.get(0)).await());
    pools.forEach(Pool::close);
  }

  @Test
  void migration_files_are_listed_in_increasing_version_order() {
    List<Migrations.Migration> all = Migrations.load();
    for (int i = 1; i < all.size(); i++) {
      assertEquals(all.get(i - 1).version() + 1, all.get(i).version(), "no gaps between versions");
    }
    assertEquals(1, all.get(0).version());
  }
}
