package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of an {@code application/x-www-form-urlencoded} body (an HTML form's POST, a Slack or
 * Twilio webhook), by name; see {@link HttpRequest#form()}. The first value is bound; bind {@code
 * List<String>} for all values in order. Absent fields bind as {@code Optional.empty()} or fail
 * with 400 when the parameter is not {@code Optional}. A body of another media type is a 415.
 *
 * <p>Values convert as {@link QueryParam} values do, except that a boolean also takes {@code on},
 * what a checked HTML checkbox sends (an unchecked one sends nothing: bind it as {@code
 * Optional<Boolean>}). A handler that binds form fields takes no other body parameter, and serves a
 * method that carries a body (not GET or HEAD, whose forms send their fields in the query string:
 * bind those with {@link QueryParam}).
 *
 * <p>A {@code multipart/form-data} body (an HTML form with {@code enctype="multipart/form-data"})
 * binds the same way: its text parts are the fields, and its files bind as {@link Upload} ({@code
 * Optional<Upload>}, {@code List<Upload>}); see {@link HttpRequest#uploads()}.
 *
 * <p>Without a name, on a record parameter, it binds the whole form: each component from the field
 * of its name, or of the name a {@code @FormParam} on the component gives (Slack's {@code user_id},
 * Twilio's {@code From}), converted as above:
 *
 * <pre>{@code
 * public record SlashCommand(
 *     String command, String text, @FormParam("user_id") String userId, Optional<String> channel) {}
 *
 * @Route(value = "/slack/commands", method = HttpMethod.POST)
 * public String command(@FormParam SlashCommand command) { ... }
 * }</pre>
 *
 * <p>An {@link IllegalArgumentException} thrown by the record's constructor (a compact constructor
 * checking its values) is answered 400 with its message, as for a JSON body.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface FormParam {
  /** The name to bind; empty on a record parameter, which binds the whole form. */
  String value() default "";
}
