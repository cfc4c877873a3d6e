package dev.lifeguard;

import dev.lifeguard.accounts.KeyStore;
import dev.lifeguard.accounts.Plan;
import dev.lifeguard.cluster.Role;
import dev.lifeguard.config.ConfigException;
import dev.lifeguard.config.ConfigLoader;
import dev.lifeguard.config.LifeguardConfig;
import dev.lifeguard.quality.EvalCommand;
import dev.lifeguard.store.Database;
import dev.lifeguard.training.ScoreCommand;
import dev.lifeguard.training.TrainCommand;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import sun.misc.Signal;

/** Command line: serve (default), {@code keys create}, {@code train} and {@code score}. */
@Command(name = "lifeguard", mixinStandardHelpOptions = true, version = "Lifeguard 0.1",
    description = "Self-hosted chat-safety gateway.",
    subcommands = {Main.Keys.class, TrainCommand.class, ScoreCommand.class, EvalCommand.class})
public final class Main implements Callable<Integer> {
  static final int EXIT_CONFIG = 2;

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "YAML configuration (default: config/lifeguard.yaml if present)")
  Path config;

  @Option(names = "--role", defaultValue = "all", paramLabel = "ROLE",
      description = "all (one process, default), gateway (HTTP + database; assessments on inference nodes) or "
          + "inference (the model only, for gateways on the same cluster); see docs/SCALING.md")
  Role role;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigException) {
        System.err.println("lifeguard: " + e.getMessage());
        return EXIT_CONFIG;
      }
      System.err.println("lifeguard: " + e.getMessage());
      return 1;
    }).execute(args));
  }

  public LifeguardConfig loadConfig() {
    return ConfigLoader.load(Optional.ofNullable(config), System.getenv());
  }

  /** Serve until SIGTERM or SIGINT, then drain and exit 0. */
  @Override
  public Integer call() throws InterruptedException {
    Lifeguard lifeguard = Lifeguard.start(loadConfig(), role);
    CountDownLatch stopped = new CountDownLatch(1);
    Runnable stop = () -> {
      lifeguard.stop();
      stopped.countDown();
    };
    Signal.handle(new Signal("TERM"), s -> new Thread(stop, "lifeguard-shutdown").start());
    Signal.handle(new Signal("INT"), s -> new Thread(stop, "lifeguard-shutdown").start());
    String host = lifeguard.config().server().host();
    System.out.println("Lifeguard listening on http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + lifeguard.port());
    System.out.flush();
    stopped.await();
    return 0;
  }

  @Command(name = "keys", description = "Manage API keys.", subcommands = {Keys.Create.class})
  static final class Keys {
    @Command(name = "create", description = "Create an API key and print it (and nothing else).")
    static final class Create implements Callable<Integer> {
      @CommandLine.ParentCommand
      Keys keys;

      @Option(names = "--name", required = true, description = "A name to recognise the key by")
      String name;

      @Option(names = "--test", description = "Create a nope_test_ key (rate limited, never charged)")
      boolean test;

      @Option(names = "--plan", defaultValue = "free", description = "free, pro or enterprise (default: ${DEFAULT-VALUE})")
      String plan;

      @CommandLine.Spec
      CommandLine.Model.CommandSpec spec;

      @Override
      public Integer call() {
        Plan parsedPlan;
        try {
          parsedPlan = Plan.parse(plan);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--plan " + e.getMessage());
        }
        if (name.isBlank() || name.length() > 200) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--name must be 1 to 200 characters");
        }
        Main root = (Main) spec.root().userObject();
        LifeguardConfig config = root.loadConfig();
        Vertx vertx = Vertx.vertx();
        Database database = Database.open(vertx, config.database());
        try {
          database.migrate().await(60, TimeUnit.SECONDS);
          String key = new KeyStore(database.pool()).create(name.strip(), parsedPlan, test).await(30, TimeUnit.SECONDS).key();
          System.out.println(key);
          return 0;
        } catch (Exception e) {
          throw new IllegalStateException("could not create the key: " + e.getMessage(), e);
        } finally {
          database.closePool();
          vertx.close();
          database.stopEmbedded();
        }
      }
    }
  }
}
