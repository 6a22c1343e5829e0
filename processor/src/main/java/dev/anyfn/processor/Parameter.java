package dev.anyfn.processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one handler parameter is bound; the index's {@code parameters[]} entry. Absent fields are
 * null.
 *
 * @param source where the value comes from
 * @param name the path, query, form field or header name
 * @param type binary name of the (element) type
 * @param genericType canonical generic type for JSON binding
 * @param optional the declared type was {@code Optional<type>}
 * @param list the declared type was {@code List<type>}
 * @param fields a record's components, each a {@code FORM} or {@code QUERY} binding, in order
 */
record Parameter(
    Source source,
    String name,
    String type,
    String genericType,
    boolean optional,
    boolean list,
    List<Parameter> fields) {

  /** The index's {@code source} values. */
  enum Source {
    REQUEST,
    CONTEXT,
    PATH,
    QUERY,
    FORM,
    RECORD,
    HEADER,
    COOKIE,
    BODY,
    EVENT,
    EVENT_BODY,
    EVENT_BATCH,
    DATA_CHANGE
  }

  static Parameter of(Source source) {
    return new Parameter(source, null, null, null, false, false, null);
  }

  static Parameter named(Source source, String name, String type, boolean optional, boolean list) {
    return new Parameter(source, name, type, null, optional, list, null);
  }

  static Parameter typed(Source source, String type, String genericType) {
    return new Parameter(source, null, type, genericType, false, false, null);
  }

  /**
   * A record of type {@code type} bound from form fields or query parameters, one per component.
   */
  static Parameter record(String type, List<Parameter> fields) {
    return new Parameter(Source.RECORD, null, type, null, false, false, List.copyOf(fields));
  }

  /** Whether this binding reads the body as a form: a form field, or a record of them. */
  boolean readsForm() {
    return source == Source.FORM
        || (source == Source.RECORD && fields.stream().anyMatch(f -> f.source() == Source.FORM));
  }

  /** The fields the index format defines for this source, in a fixed order. */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("source", source.name());
    switch (source) {
      case PATH -> {
        putNamed(json);
        if (list) {
          json.put("list", true);
        }
      }
      case QUERY, FORM -> {
        putNamed(json);
        json.put("list", list);
      }
      case RECORD -> {
        json.put("type", type);
        json.put("fields", fields.stream().map(Parameter::toJson).toList());
      }
      case HEADER, COOKIE -> putNamed(json);
      case BODY, EVENT_BODY -> {
        json.put("type", type);
        json.put("genericType", genericType);
      }
      case EVENT -> json.put("type", type);
      case DATA_CHANGE -> json.put("genericType", genericType);
      case REQUEST, CONTEXT, EVENT_BATCH -> {
        // no fields beyond the source
      }
    }
    return json;
  }

  private void putNamed(Map<String, Object> json) {
    json.put("name", name);
    json.put("type", type);
    json.put("optional", optional);
  }
}
