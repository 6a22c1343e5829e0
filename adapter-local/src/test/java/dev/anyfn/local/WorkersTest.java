package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkersTest {
  @Test
  void anExpiredDeadlineRunsOnceAndACancelledOneNever() throws Exception {
    Workers workers = new Workers(16, new LogSink(line -> {}));
    try {
      AtomicInteger cancelledRuns = new AtomicInteger();
      Workers.Deadline cancelled =
          workers.deadline(Duration.ofMillis(20), cancelledRuns::incrementAndGet);
      workers.cancel(cancelled);
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch fired = new CountDownLatch(1);
      long t0 = System.nanoTime();
      workers.deadline(
          Duration.ofMillis(50),
          () -> {
            runs.incrementAndGet();
            fired.countDown();
          });
      assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
      Thread.sleep(4 * Workers.DEADLINE_SWEEP_MILLIS);
      assertThat(runs.get()).isEqualTo(1);
      assertThat(cancelledRuns.get()).isZero();
    } finally {
      workers.shutdown();
    }
  }
}
