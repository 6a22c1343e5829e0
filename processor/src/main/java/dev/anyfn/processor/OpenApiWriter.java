package dev.anyfn.processor;

import static dev.anyfn.processor.JsonSchemas.map;

import dev.anyfn.HttpMethod;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes the OpenAPI 3.1 document of a build's HTTP routes, {@code META-INF/anyfn/openapi.json}:
 * one operation per route, tagged with its function, with the path, query and header parameters,
 * the JSON or form body and the answers anyfn gives (the handler's result, and its {@code 400},
 * {@code 415} and {@code 500} problems), from the same validated model the index is written from.
 * Paths are the routes as declared, as the emulator and the AWS HTTP API serve them.
 */
final class OpenApiWriter {
  static final String RESOURCE = "META-INF/anyfn/openapi.json";

  /** Processor options that name the document; the defaults say how to set them. */
  static final String TITLE_OPTION = "anyfn.openapi.title";

  static final String VERSION_OPTION = "anyfn.openapi.version";

  /** Header parameters OpenAPI ignores: they are described by the media types and security. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of("accept", "content-type", "authorization");

  private static final String UPLOAD = "dev.anyfn.Upload";

  private static final Pattern CODE_TAG = Pattern.compile("\\{@(code|literal)\\s");
  private static final Pattern LINK_TAG =
      Pattern.compile("\\{@link(?:plain)?\\s+([^\\s}]+)(?:\\s+([^}]*))?}");

  /** The name of anyfn's problem schema, which no simple class name can take. */
  static final String PROBLEM = "anyfn.Problem";

  private final Elements elements;
  private final TypeNames names;
  private final JsonSchemas schemas;
  private final Map<String, Integer> operationIds = new HashMap<>();

  private OpenApiWriter(Elements elements, Types types, TypeNames names) {
    this.elements = elements;
    this.names = names;
    this.schemas = new JsonSchemas(elements, types, names);
  }

  /**
   * The document, or empty when no function has a route.
   *
   * @param options the processor options; {@link #TITLE_OPTION} and {@link #VERSION_OPTION} name
   *     the document
   */
  static Optional<String> toJson(
      List<FunctionModel> functions,
      Elements elements,
      Types types,
      TypeNames names,
      Map<String, String> options) {
    return new OpenApiWriter(elements, types, names).document(functions, options).map(Json::write);
  }

  private Optional<Map<String, Object>> document(
      List<FunctionModel> functions, Map<String, String> options) {
    countOperationIds(functions);
    Map<String, Map<HttpMethod, Map<String, Object>>> paths = new TreeMap<>();
    List<Object> tags = new ArrayList<>();
    for (FunctionModel function : functions) {
      boolean routed = false;
      for (HandlerModel handler : function.handlers()) {
        if (handler.trigger() instanceof Trigger.Http http) {
          paths
              .computeIfAbsent(path(http.template()), p -> new EnumMap<>(HttpMethod.class))
              .put(http.method(), operation(function, handler, http));
          routed = true;
        }
      }
      if (routed) {
        String description =
            doc(function.element())
                .map(d -> (String) d.getOrDefault("description", d.get("summary")))
                .orElse("The routes of function '" + function.name() + "'.");
        tags.add(map("name", function.name(), "description", description));
      }
    }
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.1.0");
    document.put(
        "info",
        map(
            "title",
            options.getOrDefault(TITLE_OPTION, "anyfn functions"),
            "version",
            options.getOrDefault(VERSION_OPTION, "unversioned"),
            "description",
            "The HTTP routes of this build's anyfn functions, written by anyfn's annotation"
                + " processor. Paths are the routes as declared."));
    // relative: the host the document is served from, the emulator's or the cloud's
    document.put("servers", List.of(map("url", "/")));
    document.put("tags", tags);
    Map<String, Object> pathItems = new LinkedHashMap<>();
    paths.forEach(
        (path, operations) -> {
          Map<String, Object> item = new LinkedHashMap<>();
          operations.forEach((method, op) -> item.put(method.name().toLowerCase(Locale.ROOT), op));
          pathItems.put(path, item);
        });
    document.put("paths", pathItems);
    Map<String, Object> components = new LinkedHashMap<>();
    Map<String, Object> named = schemas.components(document);
    named.put(PROBLEM, problem());
    components.put("schemas", named);
    document.put("components", components);
    return Optional.of(document);
  }

  private void countOperationIds(List<FunctionModel> functions) {
    for (FunctionModel function : functions) {
      for (HandlerModel handler : function.handlers()) {
        if (handler.trigger() instanceof Trigger.Http) {
          operationIds.merge(handler.method(), 1, Integer::sum);
        }
      }
    }
  }

  /** {@code /files/{path+}} is {@code /files/{path}}: OpenAPI has no greedy parameter. */
  static String path(RouteTemplate template) {
    if (template.segments().isEmpty()) {
      return "/";
    }
    StringBuilder path = new StringBuilder();
    for (RouteTemplate.Segment segment : template.segments()) {
      path.append('/');
      path.append(segment.parameter() ? "{" + segment.text() + "}" : segment.text());
    }
    return path.toString();
  }

  private Map<String, Object> operation(
      FunctionModel function, HandlerModel handler, Trigger.Http http) {
    ExecutableElement method = handler.element();
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("tags", List.of(function.name()));
    doc(method).ifPresent(d -> op.putAll(d));
    op.put("operationId", operationId(function, handler));
    List<Object> parameters = new ArrayList<>();
    Form form = new Form();
    Map<String, Object> body = null;
    boolean bound = false;
    boolean typed = false;
    for (int i = 0; i < handler.parameters().size(); i++) {
      Parameter p = handler.parameters().get(i);
      TypeMirror type = method.getParameters().get(i).asType();
      switch (p.source()) {
        case PATH -> parameters.add(pathParameter(p, type, http.template()));
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
          continue; // the request or the context: nothing the caller sends
        }
      }
      bound = true;
    }
    // a template parameter no @PathParam binds (the handler reads the request): still a parameter
    int unbound = 0;
    for (String name : http.template().parameterNames()) {
      if (handler.parameters().stream()
          .noneMatch(p -> p.source() == Parameter.Source.PATH && name.equals(p.name()))) {
        Map<String, Object> parameter =
            map("name", name, "in", "path", "required", true, "schema", map("type", "string"));
        parameters.add(unbound++, parameter);
      }
    }
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    if (!form.properties.isEmpty()) {
      body = form.body();
      typed = true;
    }
    if (body != null) {
      op.put("requestBody", body);
    }
    op.put("responses", responses(handler, method, bound, typed));
    if (elements.isDeprecated(method)) {
      op.put("deprecated", true);
    }
    return op;
  }

  /** The method's name, or, where two routes' methods share it, the function's name before it. */
  private String operationId(FunctionModel function, HandlerModel handler) {
    return operationIds.get(handler.method()) == 1
        ? handler.method()
        : function.name() + "." + handler.method();
  }

  /** The summary (the doc comment's first sentence) and the description (all of its text). */
  private Optional<Map<String, Object>> doc(Element element) {
    String comment = elements.getDocComment(element);
    if (comment == null) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    for (String line : comment.strip().split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("@")) {
        break; // @param, @return, ...: the parameters and answers say that
      }
      text.append(text.length() == 0 ? "" : "\n").append(trimmed);
    }
    String description = markdown(text.toString().strip());
    if (description.isEmpty()) {
      return Optional.empty();
    }
    int end = description.indexOf(". ");
    String summary = (end < 0 ? description : description.substring(0, end + 1)).replace('\n', ' ');
    Map<String, Object> doc = map("summary", summary);
    if (!summary.equals(description)) {
      doc.put("description", description);
    }
    return Optional.of(doc);
  }

  /**
   * Javadoc's inline tags as CommonMark, which OpenAPI descriptions are: {@code {@code x}} and
   * {@code {@literal x}} as code, {@code {@link A#b label}} as its label, or else what it links to.
   */
  static String markdown(String javadoc) {
    String code = codeTags(javadoc);
    return LINK_TAG
        .matcher(code)
        .replaceAll(
            m -> {
              String label = m.group(2);
              String target = m.group(1);
              String shown =
                  label != null && !label.isBlank()
                      ? label.strip()
                      : "`" + target.substring(target.indexOf('#') + 1) + "`";
              return Matcher.quoteReplacement(shown);
            });
  }

  /**
   * {@code {@code x}} and {@code {@literal x}} as {@code `x`}, their text running to the brace that
   * balances the tag's, as in Javadoc ({@code {@code GET /a/{id}}}); a tag left open stays.
   */
  private static String codeTags(String javadoc) {
    StringBuilder out = new StringBuilder(javadoc.length());
    Matcher tag = CODE_TAG.matcher(javadoc);
    int from = 0;
    while (tag.find(from)) {
      int depth = 1;
      int end = tag.end();
      for (; end < javadoc.length() && depth > 0; end++) {
        char c = javadoc.charAt(end);
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      }
      if (depth > 0) {
        break;
      }
      out.append(javadoc, from, tag.start())
          .append('`')
          .append(javadoc, tag.end(), end - 1)
          .append('`');
      from = end;
    }
    return out.append(javadoc, from, javadoc.length()).toString();
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
            map("schema", map("$ref", JsonSchemas.REF_PREFIX + PROBLEM))));
  }

  /** anyfn's problem answer (RFC 9457), as core's {@code Problems} writes it. */
  private static Map<String, Object> problem() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("type", map("type", "string"));
    properties.put("title", map("type", "string"));
    properties.put("status", map("type", "integer", "format", "int32"));
    properties.put("detail", map("type", "string"));
    properties.put("error", map("type", "string", "description", "A code such as invalid_json."));
    properties.put("requestId", map("type", "string"));
    return map(
        "type",
        "object",
        "properties",
        properties,
        "required",
        List.of("type", "title", "status", "error", "requestId"));
  }
}
