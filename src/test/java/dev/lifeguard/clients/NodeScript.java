package dev.lifeguard.clients;

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
import java.util.concurrent.TimeUnit;

/**
 * A Node script from {@code src/test/node/...} run as a process: its output is streamed into the
 * test log line by line as it arrives, and kept so a failure can quote it.
 */
final class NodeScript {
  /** Where Maven puts the project; the test JVM's working directory is the project root. */
  static final Path NODE_DIR = Path.of(System.getProperty("nope-sdk.dir", "src/test/node/nope-sdk"));

  /** The finished run: exit code and everything it printed (stdout and stderr, interleaved). */
  record Result(int exitCode, String output) {}

  private NodeScript() {}

  /** Fails fast, with what to do, when Node or the installed SDK is missing. */
  static void requireInstalled(Path dir, String packageName) {
    if (!Files.isDirectory(dir.resolve("node_modules").resolve(packageName))) {
      throw new IllegalStateException(dir.resolve("node_modules") + " has no " + packageName
          + ": run `npm ci` in " + dir + " (mvn verify does so in pre-integration-test; -Dnope-sdk.skip=true skips this test)");
    }
  }

  static Result run(Path dir, String script, List<String> args, Map<String, String> env, Duration timeout, String logPrefix)
      throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start `node` (Node 18+ must be on PATH; -Dnope-sdk.skip=true skips this test)", e);
    }
    StringBuffer output = new StringBuffer();
    Thread pump = new Thread(() -> copyLines(process, output, logPrefix), "node-output");
    pump.setDaemon(true);
    pump.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      pump.join(5_000);
      throw new AssertionError("node " + script + " did not finish within " + timeout + "; output so far:\n" + output);
    }
    pump.join(5_000);
    return new Result(process.exitValue(), output.toString());
  }

  private static void copyLines(Process process, StringBuffer output, String logPrefix) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        System.out.println(logPrefix + line);
        output.append(line).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
