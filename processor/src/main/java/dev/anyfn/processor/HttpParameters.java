package dev.anyfn.processor;

import dev.anyfn.CookieParam;
import dev.anyfn.FormParam;
import dev.anyfn.HeaderParam;
import dev.anyfn.HttpMethod;
import dev.anyfn.PathParam;
import dev.anyfn.QueryParam;
import dev.anyfn.Route;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Binds the parameters of {@code @Route} handlers. */
final class HttpParameters {
  private static final String SCALARS =
      "String, int, long, double, boolean, their boxes, UUID or an enum";
  private static final String SCALARS_OR_UPLOAD =
      "String, int, long, double, boolean, their boxes, UUID, an enum or Upload (a file)";
  private static final String UPLOAD = "dev.anyfn.Upload";

  private final Reporter reporter;
  private final TypeNames names;

  HttpParameters(Reporter reporter, TypeNames names) {
    this.reporter = reporter;
    this.names = names;
  }

  /** The bindings, or empty when a parameter cannot be bound (reported). */
  Optional<List<Parameter>> read(ExecutableElement method, Optional<RouteTemplate> template) {
    List<Parameter> bindings = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    boolean ok = true;
    for (VariableElement p : method.getParameters()) {
      Optional<Parameter> binding = bind(method, p, template);
      binding.filter(b -> b.source() == Parameter.Source.BODY).ifPresent(b -> bodies.add(name(p)));
      binding.filter(Parameter::readsForm).ifPresent(b -> fields.add(name(p)));
      binding.ifPresent(bindings::add);
      ok &= binding.isPresent();
    }
    if (!fields.isEmpty()) {
      ok &= checkForm(method, fields, bodies);
    }
    Route route = method.getAnnotation(Route.class);
    if (!bodies.isEmpty()
        && fields.isEmpty()
        && route != null
        && (route.method() == HttpMethod.GET || route.method() == HttpMethod.HEAD)) {
      reporter.error(
          method,
          "@Route handler "
              + method.getSimpleName()
              + " takes "
              + Prose.and(bodies)
              + " as the request body on a "
              + route.method()
              + " route, whose requests carry none. Bind a record of query parameters with"
              + " @QueryParam (e.g. @QueryParam Search search), annotate the parameter with"
              + " @PathParam, @QueryParam or @HeaderParam, or route a POST.");
      ok = false;
    }
    if (bodies.size() > 1) {
      reporter.error(
          method,
          "@Route handler "
              + method.getSimpleName()
              + " has more than one body parameter: "
              + Prose.and(bodies)
              + ". Expected at most one; annotate the others with @PathParam, @QueryParam,"
              + " @FormParam or @HeaderParam, or wrap them in one record.");
      ok = false;
    }
    return ok ? Optional.of(bindings) : Optional.empty();
  }

  /** A handler with form fields reads the body as a form only, on a method that carries one. */
  private boolean checkForm(ExecutableElement method, List<String> fields, List<String> bodies) {
    if (!bodies.isEmpty()) {
      reporter.error(
          method,
          "@Route handler "
              + method.getSimpleName()
              + " reads the body both as form fields ("
              + Prose.and(fields)
              + ") and as "
              + Prose.and(bodies)
              + ". Expected one: a form body or another body. Bind the form's fields with"
              + " @FormParam only, or take the body as one parameter.");
      return false;
    }
    Route route = method.getAnnotation(Route.class);
    if (route != null && (route.method() == HttpMethod.GET || route.method() == HttpMethod.HEAD)) {
      reporter.error(
          method,
          "@Route handler "
              + method.getSimpleName()
              + " binds @FormParam on a "
              + route.method()
              + " route, whose requests carry no body; a form sent with "
              + route.method()
              + " puts its fields in the query string. Bind them with @QueryParam, or route a"
              + " POST.");
      return false;
    }
    return true;
  }

  private Optional<Parameter> bind(
      ExecutableElement method, VariableElement p, Optional<RouteTemplate> template) {
    PathParam path = p.getAnnotation(PathParam.class);
    QueryParam query = p.getAnnotation(QueryParam.class);
    FormParam form = p.getAnnotation(FormParam.class);
    HeaderParam header = p.getAnnotation(HeaderParam.class);
    CookieParam cookie = p.getAnnotation(CookieParam.class);
    List<String> sources = new ArrayList<>();
    if (path != null) {
      sources.add("@PathParam");
    }
    if (query != null) {
      sources.add("@QueryParam");
    }
    if (form != null) {
      sources.add("@FormParam");
    }
    if (header != null) {
      sources.add("@HeaderParam");
    }
    if (cookie != null) {
      sources.add("@CookieParam");
    }
    if (sources.size() > 1) {
      reporter.error(
          p,
          "Parameter "
              + name(p)
              + " of "
              + method.getSimpleName()
              + " has "
              + Prose.and(sources)
              + "; expected one of them. Keep the one that says where the value comes from.");
      return Optional.empty();
    }
    TypeMirror type = p.asType();
    if (path != null) {
      return pathValue(method, p, path.value(), template);
    } else if (query != null && query.value().isEmpty() && isRecord(type)) {
      return record(method, p, TypeNames.element(type), RecordSource.QUERY);
    } else if (query != null) {
      return value(Parameter.Source.QUERY, "@QueryParam", query.value(), method, p, true);
    } else if (form != null && form.value().isEmpty() && isRecord(type)) {
      return record(method, p, TypeNames.element(type), RecordSource.FORM);
    } else if (form != null) {
      return value(Parameter.Source.FORM, "@FormParam", form.value(), method, p, true);
    } else if (header != null) {
      return value(Parameter.Source.HEADER, "@HeaderParam", header.value(), method, p, false);
    } else if (cookie != null) {
      return cookieValue(method, p, cookie.value());
    } else if (names.is(type, "dev.anyfn.HttpRequest")) {
      return Optional.of(Parameter.of(Parameter.Source.REQUEST));
    } else if (names.is(type, "dev.anyfn.Context")) {
      return Optional.of(Parameter.of(Parameter.Source.CONTEXT));
    } else if (BindableTypes.isJson(type)) {
      Optional<String> unreadable = JsonTypeRules.readProblem(type);
      if (unreadable.isPresent()) {
        reporter.error(
            p,
            "@Route handler "
                + method.getSimpleName()
                + " takes "
                + names.display(type)
                + " as its JSON body, but "
                + unreadable.get());
        return Optional.empty();
      }
      return Optional.of(
          Parameter.typed(Parameter.Source.BODY, names.erasedName(type), names.canonical(type)));
    }
    reporter.error(
        p,
        "@Route handler "
            + method.getSimpleName()
            + " takes "
            + names.display(type)
            + "; expected HttpRequest, Context, a @PathParam, @QueryParam, @FormParam,"
            + " @HeaderParam or @CookieParam value, or one body parameter (a record, a POJO,"
            + " String or byte[]).");
    return Optional.empty();
  }

  private Optional<Parameter> pathValue(
      ExecutableElement method, VariableElement p, String name, Optional<RouteTemplate> template) {
    if (template.isPresent() && !name.isEmpty() && !template.get().declares(name)) {
      List<String> declared = template.get().parameterNames();
      reporter.error(
          p,
          "@PathParam(\""
              + name
              + "\") on "
              + method.getSimpleName()
              + " names no parameter of "
              + template.get().path()
              + "; the template declares "
              + (declared.isEmpty()
                  ? "no parameters"
                  : Prose.and(declared.stream().map(d -> "{" + d + "}").toList()))
              + ". Use one of those names or add {"
              + name
              + "} to the path.");
      return Optional.empty();
    }
    boolean greedy = template.flatMap(RouteTemplate::greedyParameter).orElse("").equals(name);
    return value(Parameter.Source.PATH, "@PathParam", name, method, p, greedy);
  }

  /** A cookie's value; its name must be one a {@code Cookie} header can carry. */
  private Optional<Parameter> cookieValue(
      ExecutableElement method, VariableElement p, String name) {
    int bad = firstNonToken(name);
    if (bad >= 0) {
      reporter.error(
          p,
          "@CookieParam(\""
              + name
              + "\") on parameter "
              + name(p)
              + " of "
              + method.getSimpleName()
              + " is no cookie name: '"
              + name.charAt(bad)
              + "' cannot be in one. Cookie names are RFC 6265 tokens: letters, digits and"
              + " !#$%&'*+-.^_`|~.");
      return Optional.empty();
    }
    return value(Parameter.Source.COOKIE, "@CookieParam", name, method, p, false);
  }

  /**
   * The index of the first character of {@code name} that no token may hold, by the rule the
   * runtime applies to header names ({@link CorsRules#isHeaderName}), or -1.
   */
  private static int firstNonToken(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (!CorsRules.isHeaderName(name.substring(i, i + 1))) {
        return i;
      }
    }
    return -1;
  }

  private Optional<Parameter> value(
      Parameter.Source source,
      String label,
      String name,
      ExecutableElement method,
      VariableElement p,
      boolean listAllowed) {
    if (name.isEmpty()) {
      reporter.error(
          p,
          label
              + " on parameter "
              + name(p)
              + " of "
              + method.getSimpleName()
              + " has an empty name. Name the value to bind, for example "
              + label
              + "(\""
              + name(p)
              + "\")"
              + switch (source) {
                case FORM -> ", or bind the whole form to a record parameter.";
                case QUERY -> ", or bind the whole query to a record parameter.";
                default -> ".";
              });
      return Optional.empty();
    }
    TypeMirror type = p.asType();
    Optional<Parameter> scalar = scalar(source, name, type, listAllowed);
    if (scalar.isPresent()) {
      return scalar;
    }
    reporter.error(
        p,
        label
            + "(\""
            + name
            + "\") parameter "
            + name(p)
            + " of "
            + method.getSimpleName()
            + " is "
            + names.display(type)
            + "; expected "
            + scalars(source)
            + (listAllowed ? ", or Optional or List of those." : ", or Optional of those.")
            + (RecordSource.of(source).isPresent() && isRecord(type)
                ? " To bind the whole "
                    + RecordSource.of(source).get().what
                    + " to the record, drop the name: "
                    + label
                    + " "
                    + names.display(type)
                    + " "
                    + name(p)
                    + "."
                : ""));
    return Optional.empty();
  }

  /** A scalar, or Optional or (when allowed) List of one, bound from {@code name}; else empty. */
  private Optional<Parameter> scalar(
      Parameter.Source source, String name, TypeMirror type, boolean listAllowed) {
    Predicate<TypeMirror> value =
        source == Parameter.Source.FORM
            ? t -> BindableTypes.isScalar(t) || names.is(t, UPLOAD)
            : BindableTypes::isScalar;
    Optional<TypeMirror> optional = names.argumentOf(type, "java.util.Optional");
    Optional<TypeMirror> list =
        listAllowed ? names.argumentOf(type, "java.util.List") : Optional.empty();
    if (optional.filter(value).isPresent()) {
      return Optional.of(
          Parameter.named(source, name, names.erasedName(optional.get()), true, false));
    } else if (list.filter(value).isPresent()) {
      return Optional.of(Parameter.named(source, name, names.erasedName(list.get()), false, true));
    } else if (value.test(type)) {
      return Optional.of(Parameter.named(source, name, names.erasedName(type), false, false));
    }
    return Optional.empty();
  }

  /** Where a record parameter's components come from, and the words that say so. */
  private enum RecordSource {
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

  /**
   * A record bound from the whole form or query: each component from the field or parameter of its
   * name, or of the name its own annotation gives, converted as single values are; a form and a
   * query are flat, so each component must be a scalar, or Optional or List of one.
   */
  private Optional<Parameter> record(
      ExecutableElement method, VariableElement p, TypeElement record, RecordSource from) {
    List<Parameter> fields = new ArrayList<>();
    Map<String, String> componentByField = new HashMap<>();
    boolean ok = true;
    for (RecordComponentElement c : record.getRecordComponents()) {
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
        ok = false;
        continue;
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
        ok = false;
        continue;
      }
      Optional<Parameter> scalar = scalar(from.source, field, c.asType(), true);
      if (scalar.isEmpty()) {
        reporter.error(
            p,
            where
                + ", is "
                + names.display(c.asType())
                + "; expected "
                + scalars(from.source)
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
        ok = false;
        continue;
      }
      fields.add(scalar.get());
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

  /** What a value of {@code source} may be, for error messages. */
  private static String scalars(Parameter.Source source) {
    return source == Parameter.Source.FORM ? SCALARS_OR_UPLOAD : SCALARS;
  }

  /** "R, the form record of parameter p of m", for messages. */
  private static String recordOf(
      TypeElement record, RecordSource from, VariableElement p, ExecutableElement method) {
    return record.getSimpleName()
        + ", the "
        + from.what
        + " record of parameter "
        + name(p)
        + " of "
        + method.getSimpleName();
  }

  private static boolean isRecord(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && TypeNames.element(type).getKind() == ElementKind.RECORD;
  }

  private static String name(VariableElement p) {
    return p.getSimpleName().toString();
  }
}
