package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs once per instance, after construction and before its first invocation: this is the cold
 * start. The method is public, returns {@code void} and takes nothing or an {@link InitContext}. A
 * failure here discards the instance; the next request starts a new one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnInit {}
