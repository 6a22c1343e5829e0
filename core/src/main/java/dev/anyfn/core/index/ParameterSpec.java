package dev.anyfn.core.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How one handler parameter is bound.
 *
 * @param source where the value comes from
 * @param name the path, query, form field or header name, for those sources
 * @param type binary name of the (element) type
 * @param genericType canonical generic type for JSON binding, when it differs from {@code type}
 * @param optional the declared type was {@code Optional<type>}
 * @param list the declared type was {@code List<type>}
 * @param fields for {@link Source#RECORD}, how each record component is bound (a {@link
 *     Source#FORM} or {@link Source#QUERY} each, in component order); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ParameterSpec(
    Source source,
    String name,
    String type,
    String genericType,
    boolean optional,
    boolean list,
    List<ParameterSpec> fields) {

  /** Copies {@code fields}. */
  public ParameterSpec {
    fields = fields == null ? null : List.copyOf(fields);
  }

  /** A parameter bound without record components. */
  public ParameterSpec(
      Source source, String name, String type, String genericType, boolean optional, boolean list) {
    this(source, name, type, genericType, optional, list, null);
  }

  /** Where a parameter's value comes from. */
  public enum Source {
    /** The {@code HttpRequest}. */
    REQUEST,
    /** The {@code Context}. */
    CONTEXT,
    /** A path template parameter. */
    PATH,
    /** A query parameter. */
    QUERY,
    /** A field of an {@code application/x-www-form-urlencoded} body. */
    FORM,
    /** A record whose components are bound as its {@code fields} say. */
    RECORD,
    /** A header. */
    HEADER,
    /** A cookie of the {@code Cookie} headers. */
    COOKIE,
    /** The HTTP body or the invocation payload. */
    BODY,
    /** The neutral event. */
    EVENT,
    /** A message body bound from JSON. */
    EVENT_BODY,
    /** The whole batch of queue messages. */
    EVENT_BATCH,
    /** A {@code DataChange<T>}. */
    DATA_CHANGE
  }
}
