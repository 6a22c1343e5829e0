package dev.anyfn.junit;

import dev.anyfn.local.Profile;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the anyfn emulator in-process on a free loopback port once for the annotated test class,
 * over the functions on the test class path, and stops it (draining in-flight work) after the
 * class. Its {@code @Nested} classes run on the same emulator unless one is annotated itself. Test
 * methods and constructors may take {@link dev.anyfn.local.Emulator}, {@link
 * dev.anyfn.local.EventApi}, {@link dev.anyfn.local.EmulatorClock}, {@link AnyfnClient} and {@link
 * FunctionLog} parameters.
 *
 * <p>Each test method starts with no queued events, retries, dead letters, objects, rows, unread
 * sent messages or {@code Context.once} records ({@link dev.anyfn.local.EventApi#reset}) and an
 * empty {@link FunctionLog}, whatever the order JUnit runs them in: put what a test needs in the
 * test or a {@code @BeforeEach} method, not in {@code @BeforeAll}. Instances stay warm from one
 * test to the next, and the clock and metrics run on.
 *
 * <pre>{@code
 * @AnyfnTest(environment = "GREETING=hi")
 * class HelloTest {
 *   @Test
 *   void greets(AnyfnClient client) {
 *     assertEquals(200, client.get("/hello").status());
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(AnyfnExtension.class)
public @interface AnyfnTest {
  /** The provider profile: limits, concurrency per instance, delivery attempts. */
  Profile profile() default Profile.AWS;

  /** Idle time before instances are retired, e.g. {@code 30s}, {@code 5m}, {@code PT1M}. */
  String idleTimeout() default "5m";

  /** Environment variables given to instances, each {@code NAME=value}. */
  String[] environment() default {};

  /**
   * Delivery attempts before a failing event is dead-lettered; 0 (the default) keeps the profile's,
   * which follow the cloud (under AWS, 5 for a queue message, 3 for a topic message). Fewer
   * attempts make a test of the dead-letter path quicker.
   */
  int maxAttempts() default 0;

  /** First retry delay of failed events, in milliseconds (doubled per attempt, with jitter). */
  long retryBackoffMillis() default 1000;

  /**
   * When set (an ISO-8601 instant such as {@code 2026-01-01T00:00:00Z}), the emulator runs on a
   * manual clock standing at that instant: inject {@link dev.anyfn.local.EmulatorClock} and advance
   * it to fire schedules and retire idle instances. Empty (the default) follows real time.
   */
  String manualClockStart() default "";
}
