package dev.anyfn.processor;

import dev.anyfn.FormParam;
import dev.anyfn.QueryParam;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Binds a {@code @Route} handler's record parameter from the whole form ({@code @FormParam}) or
 * query ({@code @QueryParam}): each component from the field or parameter of its name, or of the
 * name its own annotation gives, converted as single values are ({@link ScalarValues}). Reports
 * each component that cannot be bound. Immutable; used on the processor's thread only, as the
 * {@link Reporter} it reports to is.
 */
final class RecordParameters {
  /** Where a record parameter's components come from, and the words that say so. */
  enum RecordSource {
    FORM(Parameter.Source.FORM, FormParam.class, QueryParam.class, "form", "field", "post JSON"),
    QUERY(
        Parameter.Source.QUERY,
        QueryParam.class,
        FormParam.class,
        "query",
        "parameter",
        "take it as JSON in a POST");

    final Parameter.Source source;
    final Class<? extends Annotation> names;
    final Class<? extends Annotation> other;
    final String what;
    final String item;
    final String nested;

    RecordSource(
        Parameter.Source source,
        Class<? extends Annotation> names,
        Class<? extends Annotation> other,
        String what,
        String item,
        String nested) {
      this.source = source;
      this.names = names;
      this.other = other;
      this.what = what;
      this.item = item;
      this.nested = nested;
    }

    String label() {
      return "@" + names.getSimpleName();
    }

    /** The record source binding values of {@code source}, if records can be bound from it. */
    static Optional<RecordSource> of(Parameter.Source source) {
      for (RecordSource r : values()) {
        if (r.source == source) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }

    /** The name a component's own annotation gives, or empty. */
    String nameOn(RecordComponentElement c) {
      Annotation a = c.getAnnotation(names);
      return a instanceof FormParam f ? f.value() : a instanceof QueryParam q ? q.value() : "";
    }
  }

  private final Reporter reporter;
  private final TypeNames names;
  private final ScalarValues scalars;

  RecordParameters(Reporter reporter, TypeNames names, ScalarValues scalars) {
    this.reporter = reporter;
    this.names = names;
    this.scalars = scalars;
  }

  /**
   * A record bound from the whole form or query: each component from the field or parameter of its
   * name, or of the name its own annotation gives, converted as single values are; a form and a
   * query are flat, so each component must be a scalar, or Optional or List of one.
   */
  Optional<Parameter> bind(
      ExecutableElement method, VariableElement p, TypeElement record, RecordSource from) {
    List<Parameter> fields = new ArrayList<>();
    Map<String, String> componentByField = new HashMap<>();
    boolean ok = true;
    for (RecordComponentElement c : record.getRecordComponents()) {
      Optional<Parameter> field = component(method, p, record, from, c, componentByField);
      field.ifPresent(fields::add);
      ok &= field.isPresent();
    }
    if (ok && fields.isEmpty()) {
      reporter.error(
          p,
          "Record "
              + recordOf(record, from, p, method)
              + ", has no components, so it binds no "
              + from.what
              + " "
              + from.item
              + ". Add the "
              + from.item
              + "s as components.");
      ok = false;
    }
    return ok ? Optional.of(Parameter.record(names.binaryName(record), fields)) : Optional.empty();
  }

  /**
   * Component {@code c}'s binding, from the field or parameter of its name, or empty when it cannot
   * be bound (reported); {@code componentByField} holds the components bound so far by field.
   */
  private Optional<Parameter> component(
      ExecutableElement method,
      VariableElement p,
      TypeElement record,
      RecordSource from,
      RecordComponentElement c,
      Map<String, String> componentByField) {
    String component = c.getSimpleName().toString();
    String named = from.nameOn(c);
    String field = named.isEmpty() ? component : named;
    String where = "Component " + component + " of " + recordOf(record, from, p, method);
    if (c.getAnnotation(from.other) != null) {
      reporter.error(
          p,
          where
              + ", has @"
              + from.other.getSimpleName()
              + ", but the record is bound from the "
              + from.what
              + ". Expected "
              + from.label()
              + " or no annotation on its components.");
      return Optional.empty();
    }
    String other = componentByField.putIfAbsent(field, component);
    if (other != null) {
      reporter.error(
          p,
          where
              + ", binds "
              + from.what
              + " "
              + from.item
              + " '"
              + field
              + "', which component "
              + other
              + " binds too. Expected one component per "
              + from.item
              + "; give one of them another "
              + from.label()
              + " name.");
      return Optional.empty();
    }
    Optional<Parameter> scalar = scalars.bind(from.source, field, c.asType(), true);
    if (scalar.isEmpty()) {
      reporter.error(
          p,
          where
              + ", is "
              + names.display(c.asType())
              + "; expected "
              + ScalarValues.expected(from.source)
              + ", or Optional or List of those"
              + (isRecord(c.asType())
                  ? ": a "
                      + from.what
                      + "'s "
                      + from.item
                      + "s are text, one level deep. Take the nested record's "
                      + from.item
                      + "s into this one, or "
                      + from.nested
                      + "."
                  : ". Take it as a String and convert it in the handler."));
      return Optional.empty();
    }
    return scalar;
  }

  /** "R, the form record of parameter p of m", for messages. */
  private static String recordOf(
      TypeElement record, RecordSource from, VariableElement p, ExecutableElement method) {
    return record.getSimpleName()
        + ", the "
        + from.what
        + " record of parameter "
        + p.getSimpleName()
        + " of "
        + method.getSimpleName();
  }

  static boolean isRecord(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && TypeNames.element(type).getKind() == ElementKind.RECORD;
  }
}
