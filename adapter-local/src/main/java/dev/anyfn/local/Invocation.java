package dev.anyfn.local;

import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.StartupContext;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * One invocation on an instance leased from an {@link InstancePool}: initialises the instance first
 * when the lease created its slot, then runs the call with an {@link InvocationContext}, under the
 * pool's timeout. It finishes exactly once, with whichever comes first: the call's value, a failure
 * to initialise ({@link dev.anyfn.core.InitFailedException} from the core, the slot retired), an
 * unexpected failure (an emulator or core bug: the slot retired), or the deadline ({@link
 * InstancePool.TimedOut}: the slot retired, the thread running the handler interrupted and watched
 * for a leak). On finishing it gives the lease back, counts the outcome in the function's stats and
 * logs what Lambda logs ({@code INIT}, {@code INIT_FAILED}, {@code REPORT}, {@code Task timed
 * out}). A handler's late value after a timeout is discarded, and nothing it sends is committed.
 *
 * <p>Thread-safe: started on one thread, it may be expired on the timer thread while the call runs.
 * Used once.
 */
final class Invocation<T> {
  private final InstancePool pool;
  private final InstancePool.Lease lease;
  private final String requestId;
  private final BiFunction<FunctionInstance, InvocationContext, T> call;
  private final CompletableFuture<T> result = new CompletableFuture<>();

  /** Set by whichever of the call, its failure and the deadline finishes the invocation. */
  private final AtomicBoolean finished = new AtomicBoolean();

  /** Timed out while the handler ran: its thread was interrupted. */
  private final AtomicBoolean stopped = new AtomicBoolean();

  /** The task running the call has ended. */
  private final AtomicBoolean ended = new AtomicBoolean();

  /** The thread running the call while it runs, else null; guarded by itself. */
  private final Thread[] runner = new Thread[1];

  Invocation(
      InstancePool pool,
      InstancePool.Lease lease,
      String requestId,
      BiFunction<FunctionInstance, InvocationContext, T> call) {
    this.pool = pool;
    this.lease = lease;
    this.requestId = requestId;
    this.call = call;
  }

  /**
   * Arms the deadline and runs the call: on a worker thread when {@code doneHere} is null, else on
   * the calling thread, returning when the call has ended, {@code doneHere} getting the value or
   * the failure exactly once (on the timer thread when the deadline comes first). The future
   * completes as {@code doneHere} is called.
   */
  CompletableFuture<T> start(BiConsumer<? super T, ? super Throwable> doneHere) {
    boolean here = doneHere != null;
    Workers workers = pool.workers();
    Workers.Deadline timer = workers.deadline(pool.timeout(), this::expire);
    result.whenComplete((v, x) -> workers.cancel(timer));
    if (here) {
      // before the call runs: the timer may complete the result while this thread is inside it
      result.whenComplete(doneHere);
    }
    Runnable task =
        () -> {
          synchronized (runner) {
            runner[0] = Thread.currentThread();
          }
          try {
            run();
          } finally {
            synchronized (runner) {
              runner[0] = null;
              if (stopped.get()) {
                workers.stoppedHandlerEnded();
              }
            }
            ended.set(true);
            Thread.interrupted(); // do not carry an interrupt into the next task of this thread
          }
        };
    if (here) {
      task.run();
    } else {
      workers.execute(task);
    }
    return result;
  }

  /** At the deadline of an invocation that has not finished: answers it as timed out. */
  private void expire() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    Thread t;
    synchronized (runner) {
      t = runner[0];
    }
    pool.retire(lease.slot, "timed out after " + pool.timeout().toMillis() + " ms");
    pool.release(lease);
    pool.stats().timeout();
    pool.log()
        .line(
            "Task timed out after "
                + String.format(Locale.ROOT, "%.2f", pool.timeout().toMillis() / 1000.0)
                + " seconds: function '"
                + pool.name()
                + "' request "
                + requestId
                + "; instance "
                + lease.slot.id
                + " retired");
    if (t != null) {
      synchronized (runner) {
        // Only while the task still runs on it: once the task cleared runner[0], the thread may
        // already serve another invocation that must not be interrupted.
        if (runner[0] == t) {
          t.interrupt();
          // counted until the task ends (under this lock, as its end is), so that a reset waits
          // for what the stopped handler still logs before the next test begins
          stopped.set(true);
          pool.workers().stoppedHandlerRuns();
        }
      }
      pool.workers().watchForLeak(ended, t, pool.name(), requestId);
    }
    result.completeExceptionally(
        new InstancePool.TimedOut(
            "Function '" + pool.name() + "' timed out after " + pool.timeout() + "."));
  }

  private void run() {
    long[] initNanos = {0};
    FunctionInstance instance = instance(initNanos);
    if (finished.get()) {
      return; // failed to start, or answered as timed out meanwhile: the handler is not called
    }
    InvocationContext context = context();
    long t0 = System.nanoTime();
    T value;
    try {
      value = call.apply(instance, context);
    } catch (RuntimeException | Error e) {
      // The core maps handler failures; anything reaching here is an emulator or core bug.
      if (finished.compareAndSet(false, true)) {
        pool.retire(lease.slot, "unexpected " + e.getClass().getName());
        pool.release(lease);
        pool.stats().error();
        result.completeExceptionally(e);
      }
      return;
    }
    long nanos = System.nanoTime() - t0;
    if (!finished.compareAndSet(false, true)) {
      return; // timed out meanwhile: the late result is discarded
    }
    if (!instance.healthy()) {
      pool.retire(lease.slot, "a handler threw an Error");
    }
    pool.release(lease);
    pool.stats().invocation(nanos);
    pool.log().line(report(nanos, lease.mustInitialise ? initNanos[0] : -1));
    result.complete(value);
  }

  /**
   * The leased slot's instance, initialised first when the lease created the slot ({@code
   * initNanos[0]} then says how long that took). When it failed to start, the invocation is
   * finished (with the failure, unless the deadline finished it first) and this returns null.
   */
  private FunctionInstance instance(long[] initNanos) {
    InstancePool.Slot slot = lease.slot;
    try {
      if (!lease.mustInitialise) {
        return slot.ready.join();
      }
      long t0 = System.nanoTime();
      FunctionInstance instance;
      try {
        instance = pool.function().newInstance(new StartupContext(pool.name(), pool.settings()));
      } catch (RuntimeException | Error e) {
        initNanos[0] = System.nanoTime() - t0;
        pool.stats().initFailure(initNanos[0]);
        slot.ready.completeExceptionally(e);
        throw e;
      }
      initNanos[0] = System.nanoTime() - t0;
      pool.stats().coldStart(initNanos[0]);
      pool.log()
          .line(
              "INIT function '"
                  + pool.name()
                  + "' instance "
                  + slot.id
                  + " Init Duration: "
                  + millis(initNanos[0])
                  + " ms");
      slot.ready.complete(instance);
      if (pool.isRetiredAndIdle(slot)) {
        pool.retireInstance(slot); // timed out while it started: retire() found it not ready
      }
      return instance;
    } catch (RuntimeException | Error e) {
      if (finished.compareAndSet(false, true)) {
        pool.retire(slot, "init failed");
        pool.release(lease);
        pool.stats().error();
        Throwable cause =
            e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        pool.log()
            .line(
                "INIT_FAILED function '"
                    + pool.name()
                    + "' request "
                    + requestId
                    + ": "
                    + cause.getMessage()
                    + "; the instance is not kept and the next call initialises a new one");
        result.completeExceptionally(cause);
      }
      return null;
    }
  }

  /** The handler's context: a handler that ran on past its timeout commits nothing. */
  private InvocationContext context() {
    return InvocationContext.builder()
        .requestId(requestId)
        .functionName(pool.name())
        .timeout(pool.timeout()) // the Instant is made only if a handler asks
        .coldStart(lease.mustInitialise)
        .clock(pool.clock())
        .logSink(pool.settings().logSink())
        .messageSender(pool.sender())
        // a handler that ran on past its timeout commits nothing (no messages, no once result)
        .commitGate(() -> !finished.get())
        .build();
  }

  private String report(long nanos, long initNanos) {
    long billed = Math.max(1, (nanos + 999_999) / 1_000_000);
    return "REPORT RequestId: "
        + requestId
        + "\tFunction: "
        + pool.name()
        + "\tDuration: "
        + millis(nanos)
        + " ms\tBilled Duration: "
        + billed
        + " ms\tMemory Size: "
        + pool.function().spec().memoryMb()
        + " MB"
        + (initNanos >= 0 ? "\tInit Duration: " + millis(initNanos) + " ms" : "");
  }

  /** Milliseconds with two decimals, without the cost of String.format on every request. */
  static String millis(long nanos) {
    long hundredths = (nanos + 5_000) / 10_000;
    long frac = hundredths % 100;
    return (hundredths / 100) + (frac < 10 ? ".0" : ".") + frac;
  }
}
