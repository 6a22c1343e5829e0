package dev.anyfn.processor;

import dev.anyfn.CookieParam;
import dev.anyfn.FormParam;
import dev.anyfn.HeaderParam;
import dev.anyfn.HttpMethod;
import dev.anyfn.PathParam;
import dev.anyfn.QueryParam;
import dev.anyfn.Route;
import dev.anyfn.processor.RecordParameters.RecordSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Binds the parameters of {@code @Route} handlers: each from the one annotation that says where its
 * value comes from (path, query, form, header, cookie), else the request, the context or the body;
 * reports each parameter that cannot be bound, and a handler whose body parameters conflict.
 * Whole-record forms and queries are bound by {@link RecordParameters}. Immutable; used on the
 * processor's thread only, as the {@link Reporter} it reports to is.
 */
final class HttpParameters {
  private final Reporter reporter;
  private final TypeNames names;
  private final ScalarValues scalars;
  private final RecordParameters records;

  HttpParameters(Reporter reporter, TypeNames names) {
    this.reporter = reporter;
    this.names = names;
    this.scalars = new ScalarValues(names);
    this.records = new RecordParameters(reporter, names, scalars);
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
    } else if (query != null && query.value().isEmpty() && RecordParameters.isRecord(type)) {
      return records.bind(method, p, TypeNames.element(type), RecordSource.QUERY);
    } else if (query != null) {
      return value(Parameter.Source.QUERY, "@QueryParam", query.value(), method, p, true);
    } else if (form != null && form.value().isEmpty() && RecordParameters.isRecord(type)) {
      return records.bind(method, p, TypeNames.element(type), RecordSource.FORM);
    } else if (form != null) {
      return value(Parameter.Source.FORM, "@FormParam", form.value(), method, p, true);
    } else if (header != null) {
      return value(Parameter.Source.HEADER, "@HeaderParam", header.value(), method, p, false);
    } else if (cookie != null) {
      return cookieValue(method, p, cookie.value());
    }
    return unannotated(method, p, type);
  }

  /** A parameter without a binding annotation: the request, the context or the body. */
  private Optional<Parameter> unannotated(
      ExecutableElement method, VariableElement p, TypeMirror type) {
    if (names.is(type, "dev.anyfn.HttpRequest")) {
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
    Optional<Parameter> scalar = scalars.bind(source, name, type, listAllowed);
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
            + ScalarValues.expected(source)
            + (listAllowed ? ", or Optional or List of those." : ", or Optional of those.")
            + (RecordSource.of(source).isPresent() && RecordParameters.isRecord(type)
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

  private static String name(VariableElement p) {
    return p.getSimpleName().toString();
  }
}
