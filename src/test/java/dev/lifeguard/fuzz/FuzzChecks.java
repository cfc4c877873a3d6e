package dev.lifeguard.fuzz;

import dev.lifeguard.api.ApiError;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The properties every fuzz test checks besides its own: an input finishes quickly (no hang, no
 * super-linear blow-up) and allocates in proportion to its size (no unbounded allocation).
 */
public final class FuzzChecks {
  /**
   * How long each fuzz test fuzzes when {@code JAZZER_FUZZ} is set (the build's {@code fuzz} run).
   * Without it, Jazzer replays the seed and crash inputs only, in milliseconds.
   */
  public static final String CI_BUDGET = "5s";
  /** One input of a few KB must never take this long; a regex or parser that does is a denial of service. */
  public static final long MAX_MILLIS_PER_INPUT = 2_000;
  /** Parsers may allocate a tree several times the input's size, never quadratically more. */
  public static final long ALLOCATION_PER_INPUT_BYTE = 256;
  /** Buffers, caches and JIT-time allocation that do not depend on the input. */
  public static final long ALLOCATION_FLOOR = 8L * 1024 * 1024;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  /** Fuzz tests whose first input has run: that one also pays for class loading and static tables. */
  private static final Set<Class<?>> WARM = ConcurrentHashMap.newKeySet();

  private FuzzChecks() {}

  /** Work whose only allowed failure is the checked type. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  /**
   * Runs {@code work}, failing on a hang or on allocation beyond what {@code inputBytes} justifies.
   * Class loading, Jazzer's instrumentation and cold (interpreted) code cost time and allocation once
   * per JVM, not per input: an input over budget is run again, and fails only if it is over again.
   */
  public static void bounded(long inputBytes, Work work) throws Exception {
    if (WARM.add(STACK.getCallerClass())) {
      work.run();
      return;
    }
    String overrun = measure(inputBytes, work);
    if (overrun != null) {
      overrun = measure(inputBytes, work);
    }
    if (overrun != null) {
      throw new AssertionError(overrun);
    }
  }

  /**
   * Runs {@code work}, failing on a hang only. For work whose allocation is dominated by a fixed
   * per-call cost rather than the input (the evidence scan runs every pattern over every message).
   */
  public static void timed(Work work) throws Exception {
    boolean warm = WARM.contains(STACK.getCallerClass());
    long millis = cpuMillis(work);
    // CPU time of this thread, not wall time: a loaded CI box stretches the latter, a hang or a
    // backtracking pattern burns the former. Over budget twice in a row is a finding.
    if (warm && millis > MAX_MILLIS_PER_INPUT && (millis = cpuMillis(work)) > MAX_MILLIS_PER_INPUT) {
      throw new AssertionError("one input took " + millis + " ms of CPU");
    }
    WARM.add(STACK.getCallerClass());
  }

  private static long cpuMillis(Work work) throws Exception {
    long started = THREADS.getCurrentThreadCpuTime();
    work.run();
    return (THREADS.getCurrentThreadCpuTime() - started) / 1_000_000;
  }

  private static String measure(long inputBytes, Work work) throws Exception {
    long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
    long started = System.nanoTime();
    work.run();
    long millis = (System.nanoTime() - started) / 1_000_000;
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
    if (millis > MAX_MILLIS_PER_INPUT) {
      return "one input of " + inputBytes + " bytes took " + millis + " ms";
    }
    long budget = ALLOCATION_FLOOR + ALLOCATION_PER_INPUT_BYTE * inputBytes;
    if (allocated > budget) {
      return "one input of " + inputBytes + " bytes allocated " + allocated + " bytes (budget " + budget + ")";
    }
    return null;
  }

  /** A request that cannot be served must be refused as the client's fault: 4xx, never 5xx. */
  public static void clientError(ApiError e) {
    if (e.status() < 400 || e.status() > 499) {
      throw new AssertionError("request refused with " + e.status() + ": " + e.getMessage(), e);
    }
    if (e.getMessage() == null || e.getMessage().isBlank()) {
      throw new AssertionError("a " + e.status() + " without a message says nothing to the caller", e);
    }
  }
}
