package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Direct invocation: the function is called with a JSON payload (Lambda Invoke, an HTTP POST on
 * Google and Azure, the emulator's invoke API) and answers JSON. The handler takes one parameter
 * bound from the payload (plus an optional {@link Context}) and returns a value serialised as JSON,
 * or {@code void}. A function has at most one such handler.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnInvoke {}
