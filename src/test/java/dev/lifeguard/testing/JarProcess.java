package dev.lifeguard.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The packaged {@code target/lifeguard.jar} run as a real process, as an operator would. */
public final class JarProcess implements AutoCloseable {
  private final Process process;
  private final LinkedBlockingQueue<String> stdout = new LinkedBlockingQueue<>();
  private final StringBuffer stderr = new StringBuffer();
  private final List<Thread> pumps = new ArrayList<>();

  private JarProcess(Process process) {
    this.process = process;
    pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true);
    pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false);
  }

  public static Path jar() {
    Path jar = Path.of(System.getProperty("lifeguard.jar", "target/lifeguard.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the integration tests with mvn verify (after package)");
    }
    return jar;
  }

  public static JarProcess start(Path workDir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar().toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("LIFEGUARD_"));
    builder.environment().putAll(env);
    try {
      return new JarProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs to completion; returns the exit code. */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("process did not exit within " + timeout + "; stderr:\n" + stderr);
    }
    for (Thread pump : pumps) {
      pump.join(5_000);
    }
    return process.exitValue();
  }

  /** The next stdout line, waiting up to the timeout. */
  public String nextLine(Duration timeout) throws InterruptedException {
    String line = stdout.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("no output within " + timeout + "; alive=" + process.isAlive() + " stderr:\n" + stderr);
    }
    return line;
  }

  public List<String> remainingStdout() {
    List<String> lines = new ArrayList<>();
    stdout.drainTo(lines);
    return lines;
  }

  public String stderr() {
    return stderr.toString();
  }

  public long pid() {
    return process.pid();
  }

  /** SIGTERM, as an orchestrator sends it (through the handle: Process.destroy() would also close our pipes). */
  public void terminate() {
    process.toHandle().destroy();
  }

  /** SIGKILL, as when a node dies: no shutdown hook, no goodbye to the cluster. Returns once it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("process " + process.pid() + " survived SIGKILL for 30 s");
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private void pump(BufferedReader reader, boolean out) {
    Thread t = new Thread(() -> {
      try (reader) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (out) {
            stdout.add(line);
          } else {
            stderr.append(line).append('\n');
          }
        }
      } catch (IOException ignored) {
        // process ended
      }
    });
    t.setDaemon(true);
    t.start();
    pumps.add(t);
  }
}
