package dev.anyfn.processor;

import static dev.anyfn.processor.JsonSchemas.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Writes the OpenAPI operation of one HTTP route, for {@link OpenApiWriter}'s document: its path,
 * query, header and cookie parameters, its JSON, text, bytes or form body, and the answers anyfn
 * gives (the handler's result, and its {@code 400}, {@code 415} and {@code 500} problems, which
 * refer to the document's {@link OpenApiWriter#PROBLEM} schema). The schemas of the values and
 * bodies come from, and are named in, the {@link JsonSchemas} it is given. Holds no state of its
 * own; used on the processor's thread only, as that {@code JsonSchemas} is.
 */
final class OpenApiOperations {
  /** Header parameters OpenAPI ignores: they are described by the media types and security. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of("accept", "content-type", "authorization");

  private static final String UPLOAD = "dev.anyfn.Upload";

  private final Elements elements;
  private final TypeNames names;
  private final JsonSchemas schemas;

  OpenApiOperations(Elements elements, TypeNames names, JsonSchemas schemas) {
    this.elements = elements;
    this.names = names;
    this.schemas = schemas;
  }

  /**
   * The operation of {@code handler}'s route {@code http}: tagged with {@code function}'s name,
   * with {@code doc}'s summary and description and {@code operationId}, then the parameters, the
   * body and the answers.
   */
  Map<String, Object> of(
      FunctionModel function,
      HandlerModel handler,
      Trigger.Http http,
      Optional<Map<String, Object>> doc,
      String operationId) {
    ExecutableElement method = handler.element();
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("tags", List.of(function.name()));
    doc.ifPresent(d -> op.putAll(d));
    op.put("operationId", operationId);
    Request request = new Request();
    for (int i = 0; i < handler.parameters().size(); i++) {
      request.add(
          handler.parameters().get(i), method.getParameters().get(i).asType(), http.template());
    }
    List<Object> parameters = request.parameters;
    parameters.addAll(0, unboundPathParameters(handler, http.template()));
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    Map<String, Object> body = request.body;
    boolean typed = request.typed;
    if (!request.form.properties.isEmpty()) {
      body = request.form.body();
      typed = true;
    }
    if (body != null) {
      op.put("requestBody", body);
    }
    boolean bound = request.bound;
    op.put("responses", responses(handler, method, bound, typed));
    if (elements.isDeprecated(method)) {
      op.put("deprecated", true);
    }
    return op;
  }

  /**
   * The parameters of {@code template} no {@code @PathParam} binds (the handler reads the request):
   * still parameters, the caller sends them.
   */
  private static List<Object> unboundPathParameters(HandlerModel handler, RouteTemplate template) {
    List<Object> unbound = new ArrayList<>();
    for (String name : template.parameterNames()) {
      if (handler.parameters().stream()
          .noneMatch(p -> p.source() == Parameter.Source.PATH && name.equals(p.name()))) {
        Map<String, Object> parameter =
            map("name", name, "in", "path", "required", true, "schema", map("type", "string"));
        unbound.add(parameter);
      }
    }
    return unbound;
  }

  private Map<String, Object> pathParameter(Parameter p, TypeMirror type, RouteTemplate template) {
    Map<String, Object> parameter = parameter("path", p, type);
    parameter.put("required", true);
    if (template.greedyParameter().filter(p.name()::equals).isEmpty()) {
      return parameter;
    }
    if (!p.list()) {
      parameter.put("description", "The rest of the path, slashes included.");
      return parameter;
    }
    // An array path parameter is sent comma-separated (style simple); this one is the segments.
    Map<String, Object> segment = schemas.of(JsonSchemas.unwrapped(type));
    parameter.put("schema", map("type", "string"));
    parameter.put(
        "description",
        "The rest of the path, slashes included; each segment is one value ("
            + segment.getOrDefault("type", "string")
            + (segment.containsKey("format") ? ", " + segment.get("format") : "")
            + ").");
    return parameter;
  }

  private Map<String, Object> parameter(String in, Parameter p, TypeMirror type) {
    Map<String, Object> parameter = map("name", p.name(), "in", in);
    parameter.put("required", !p.optional() && !p.list());
    parameter.put("schema", value(p, type));
    return parameter;
  }

  /** The schema of one path, query, header or form value: a scalar, a file, or a list of them. */
  private Map<String, Object> value(Parameter p, TypeMirror type) {
    TypeMirror element = JsonSchemas.unwrapped(type);
    Map<String, Object> one =
        names.is(element, UPLOAD)
            ? map("type", "string", "contentMediaType", "application/octet-stream")
            : schemas.of(element);
    return p.list() ? map("type", "array", "items", one) : one;
  }

  private Map<String, Object> body(TypeMirror type) {
    String erased = names.erasedName(type);
    if (erased.equals("java.lang.String")) {
      return map("content", map("text/plain", map("schema", map("type", "string"))));
    }
    if (erased.equals("[B")) {
      return map("content", map("application/octet-stream", map()));
    }
    return map(
        "required", true, "content", map("application/json", map("schema", schemas.of(type))));
  }

  /** What the caller sends a route, from the handler's parameters: parameters, form and body. */
  private final class Request {
    final List<Object> parameters = new ArrayList<>();
    final Form form = new Form();
    Map<String, Object> body;

    /** Whether the handler binds something the caller sends, which may fail (400). */
    boolean bound;

    /** Whether the body must be of a media type, which the caller may miss (415). */
    boolean typed;

    /** Adds handler parameter {@code p}, of {@code type}, of a route of {@code template}. */
    void add(Parameter p, TypeMirror type, RouteTemplate template) {
      switch (p.source()) {
        case PATH -> parameters.add(pathParameter(p, type, template));
        case QUERY -> parameters.add(parameter("query", p, type));
        case HEADER -> {
          if (!RESERVED_HEADERS.contains(p.name().toLowerCase(Locale.ROOT))) {
            parameters.add(parameter("header", p, type));
          }
        }
        case COOKIE -> parameters.add(parameter("cookie", p, type));
        case FORM -> form.add(p, type);
        case RECORD -> {
          List<RecordComponentElement> components =
              ElementFilter.recordComponentsIn(TypeNames.element(type).getEnclosedElements());
          for (int c = 0; c < p.fields().size(); c++) {
            Parameter field = p.fields().get(c);
            TypeMirror fieldType = components.get(c).asType();
            if (field.source() == Parameter.Source.FORM) {
              form.add(field, fieldType);
            } else {
              parameters.add(parameter("query", field, fieldType));
            }
          }
        }
        case BODY -> {
          body = body(type);
          // a String or byte[] body takes any media type; a JSON one only JSON
          typed |= !p.type().equals("java.lang.String") && !p.type().equals("[B");
        }
        default -> {
          return; // the request or the context: nothing the caller sends
        }
      }
      bound = true;
    }
  }

  /** A form's fields, from {@code @FormParam}s and form records. */
  private final class Form {
    final Map<String, Object> properties = new LinkedHashMap<>();
    final List<String> required = new ArrayList<>();
    boolean files;

    void add(Parameter p, TypeMirror type) {
      properties.put(p.name(), value(p, type));
      if (!p.optional() && !p.list()) {
        required.add(p.name());
      }
      files |= names.is(JsonSchemas.unwrapped(type), UPLOAD);
    }

    Map<String, Object> body() {
      Map<String, Object> schema = map("type", "object", "properties", properties);
      if (!required.isEmpty()) {
        schema.put("required", required);
      }
      Map<String, Object> content = new LinkedHashMap<>();
      if (!files) {
        content.put("application/x-www-form-urlencoded", map("schema", schema));
      }
      content.put("multipart/form-data", map("schema", schema));
      return map("required", !required.isEmpty(), "content", content);
    }
  }

  private Map<String, Object> responses(
      HandlerModel handler, ExecutableElement method, boolean bound, boolean typed) {
    Map<String, Object> responses = new LinkedHashMap<>();
    switch (handler.returnKind()) {
      case JSON ->
          responses.put(
              "200", ok("application/json", map("schema", schemas.of(method.getReturnType()))));
      case TEXT -> responses.put("200", ok("text/plain", map("schema", map("type", "string"))));
      case BYTES -> responses.put("200", ok("application/octet-stream", map()));
      case VOID -> responses.put("204", map("description", "No Content"));
      default ->
          responses.put(
              "default", map("description", "The response the handler builds (HttpResponse)."));
    }
    if (bound) {
      responses.put(
          "400", problem("The request's parameters or body could not be bound to the handler."));
    }
    if (typed) {
      responses.put("415", problem("The body is not of the media type the handler reads."));
    }
    responses.put("500", problem("The handler failed; the answer carries only the request id."));
    return responses;
  }

  /** A 200 answer of one media type; {@code media} holds its schema, if it has one. */
  private static Map<String, Object> ok(String mediaType, Map<String, Object> media) {
    return map("description", "OK", "content", map(mediaType, media));
  }

  private static Map<String, Object> problem(String description) {
    return map(
        "description",
        description,
        "content",
        map(
            "application/problem+json",
            map("schema", map("$ref", JsonSchemas.REF_PREFIX + OpenApiWriter.PROBLEM))));
  }
}
