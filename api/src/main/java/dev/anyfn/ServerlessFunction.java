package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a class a deployable serverless function. Each annotated class becomes one function on
 * every provider (one Lambda, one Azure function per trigger, one Google deployment per trigger)
 * and one set of instances on the local emulator.
 *
 * <p>The class must be public, concrete and top-level (or a static nested class), with a public
 * no-argument constructor. Its methods annotated with {@link Route} or one of the {@code On...}
 * trigger annotations are its handlers. The annotation processor validates all of this at compile
 * time and writes the function index that the runtime reads; nothing is discovered at run time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServerlessFunction {

  /**
   * The function's name: letters, digits and hyphens, starting with a letter, at most 63
   * characters. Empty (the default) derives it from the class: {@code OrderApi} becomes {@code
   * order-api}.
   */
  String value() default "";

  /**
   * Memory in MB given to each instance (Lambda 128-10240; Google and Azure round to their tiers).
   */
  int memoryMb() default 512;

  /**
   * Time a single invocation may take, in seconds, before it is stopped and the instance retired.
   */
  int timeoutSeconds() default 30;

  /** Upper bound on concurrent instances (reserved concurrency); 0 disables the function. */
  int maxInstances() default 10;
}
