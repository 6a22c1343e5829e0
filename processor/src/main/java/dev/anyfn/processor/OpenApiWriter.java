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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes the OpenAPI 3.1 document of a build's HTTP routes, {@code META-INF/anyfn/openapi.json}:
 * one operation per route, tagged with its function, with the path, query and header parameters,
 * the JSON or form body and the answers anyfn gives (the handler's result, and its {@code 400},
 * {@code 415} and {@code 500} problems), from the same validated model the index is written from.
 * Paths are the routes as declared, as the emulator and the AWS HTTP API serve them. This class
 * assembles the document (info, tags, paths, the named schemas) and reads the doc comments; each
 * route's operation is written by {@link OpenApiOperations}. One instance writes one document, on
 * the processor's thread.
 */
final class OpenApiWriter {
  static final String RESOURCE = "META-INF/anyfn/openapi.json";

  /** Processor options that name the document; the defaults say how to set them. */
  static final String TITLE_OPTION = "anyfn.openapi.title";

  static final String VERSION_OPTION = "anyfn.openapi.version";

  private static final Pattern CODE_TAG = Pattern.compile("\\{@(code|literal)\\s");
  private static final Pattern LINK_TAG =
      Pattern.compile("\\{@link(?:plain)?\\s+([^\\s}]+)(?:\\s+([^}]*))?}");

  /** The name of anyfn's problem schema, which no simple class name can take. */
  static final String PROBLEM = "anyfn.Problem";

  private final Elements elements;
  private final JsonSchemas schemas;
  private final OpenApiOperations operations;
  private final Map<String, Integer> operationIds = new HashMap<>();

  private OpenApiWriter(Elements elements, Types types, TypeNames names) {
    this.elements = elements;
    this.schemas = new JsonSchemas(elements, types, names);
    this.operations = new OpenApiOperations(elements, names, schemas);
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
              .put(
                  http.method(),
                  operations.of(
                      function,
                      handler,
                      http,
                      doc(handler.element()),
                      operationId(function, handler)));
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
    return Optional.of(assemble(paths, tags, options));
  }

  /**
   * The document of {@code paths} (their operations by method) and {@code tags}, with its info,
   * servers and named schemas.
   */
  private Map<String, Object> assemble(
      Map<String, Map<HttpMethod, Map<String, Object>>> paths,
      List<Object> tags,
      Map<String, String> options) {
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
        (path, byMethod) -> {
          Map<String, Object> item = new LinkedHashMap<>();
          byMethod.forEach((method, op) -> item.put(method.name().toLowerCase(Locale.ROOT), op));
          pathItems.put(path, item);
        });
    document.put("paths", pathItems);
    Map<String, Object> components = new LinkedHashMap<>();
    Map<String, Object> named = schemas.components(document);
    named.put(PROBLEM, problem());
    components.put("schemas", named);
    document.put("components", components);
    return document;
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
