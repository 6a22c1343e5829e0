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
 *
 * <p>A {@code String} or {@code byte[]} parameter takes the payload as it came, unparsed: its JSON
 * text (a JSON string with its quotes) or bytes, for a handler that reads the JSON itself; any
 * other type is read from the JSON, which must then be valid. The result is always written as JSON,
 * a {@code String} as a JSON string.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnInvoke {}
