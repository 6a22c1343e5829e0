package dev.anyfn.processor;

import static dev.anyfn.processor.Compilation.compile;
import static dev.anyfn.processor.Compilation.compileWithOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the processor writes beside the index for a build's routes. */
class OpenApiDocumentTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String USERS =
      """
      package com.example;

      import dev.anyfn.*;
      import java.time.Instant;
      import java.util.*;

      /** People who sign in. */
      @ServerlessFunction("users")
      public class Users {
        public enum Role { ADMIN, MEMBER }

        public record User(
            UUID id, String name, Optional<String> email, List<Role> roles, Instant created) {}

        public record NewUser(String name, Optional<String> email, Set<Role> roles) {}

        /**
         * Finds one user. Answers 404 when there is none.
         *
         * @param id the user's id
         */
        @Route("/users/{id}")
        public User find(
            @PathParam("id") UUID id,
            @QueryParam("fields") Optional<String> fields,
            @HeaderParam("X-Tenant") String tenant,
            @HeaderParam("Authorization") Optional<String> auth,
            @CookieParam("theme") Optional<String> theme) {
          return null;
        }

        @Route(value = "/users", method = HttpMethod.POST)
        public User create(NewUser user, Context context) {
          return null;
        }

        @Route(value = "/users/{id}", method = HttpMethod.DELETE)
        public void delete(@PathParam("id") UUID id) {}

        @Deprecated
        @Route("/users/{id}/name")
        public String name(@PathParam("id") UUID id) {
          return "";
        }

        @Route(value = "/users/{id}/avatar", method = HttpMethod.PUT)
        public HttpResponse avatar(@PathParam("id") UUID id, byte[] image) {
          return null;
        }
      }
      """;

  private static final String FILES =
      """
      package com.example;

      import dev.anyfn.*;
      import java.util.*;

      @ServerlessFunction("files")
      public class Files {
        public record Search(
            Optional<String> q, @QueryParam("page_size") Optional<Integer> pageSize,
            List<String> tag) {}

        public record Contact(String name, @FormParam("reply_to") Optional<String> replyTo) {}

        @Route("/files/{path+}")
        public byte[] get(@PathParam("path") String path) {
          return new byte[0];
        }

        @Route("/sum/{numbers+}")
        public String sum(@PathParam("numbers") List<Integer> numbers) {
          return "";
        }

        @Route("/search")
        public String search(@QueryParam Search search) {
          return "";
        }

        @Route(value = "/contact", method = HttpMethod.POST)
        public String contact(@FormParam Contact contact) {
          return "";
        }

        @Route(value = "/upload", method = HttpMethod.POST)
        public String upload(
            @FormParam("title") String title,
            @FormParam("file") Upload file,
            @FormParam("more") List<Upload> more) {
          return "";
        }

        @Route(value = "/raw", method = HttpMethod.POST)
        public String raw(String text, HttpRequest request) {
          return text;
        }

        @Route("/raw/{kind}/{id}")
        public String read(HttpRequest request, @PathParam("id") long id) {
          return request.pathParams().get("kind");
        }
      }
      """;

  @Test
  void writesNoDocumentWhenNoFunctionHasARoute() {
    Compilation result =
        compile(
            """
            @ServerlessFunction
            public class Admin {
              @OnInvoke
              public void run() {}
            }
            """);

    result.assertIndex();
    assertThat(result.output(OpenApiWriter.RESOURCE)).isEmpty();
  }

  @Test
  void documentIsValidOpenApi31ForEveryKindOfParameterBodyAndAnswer() {
    String document = document(USERS, FILES);

    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document);

    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(parsed.getOpenAPI().getPaths())
        .containsOnlyKeys(
            "/users",
            "/users/{id}",
            "/users/{id}/name",
            "/users/{id}/avatar",
            "/files/{path}",
            "/sum/{numbers}",
            "/search",
            "/contact",
            "/upload",
            "/raw",
            "/raw/{kind}/{id}");
  }

  @Test
  void theValidatorUsedAboveRefusesABrokenDocument() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(document(USERS));
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/paths/~1users~1{id}/get"))
        .remove("responses");

    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(tree.toString());

    assertThat(parsed.getMessages()).anySatisfy(m -> assertThat(m).contains("responses"));
  }

  @Test
  void describesPathQueryHeaderAndCookieParametersWithTheirTypesAndWhetherRequired() {
    JsonNode find = operation(document(USERS), "/users/{id}", "get");

    assertThat(find.get("operationId").asText()).isEqualTo("find");
    assertThat(find.get("tags").toString()).isEqualTo("[\"users\"]");
    assertThat(find.get("parameters").toString())
        .isEqualTo(
            "[{\"name\":\"id\",\"in\":\"path\",\"required\":true,"
                + "\"schema\":{\"type\":\"string\",\"format\":\"uuid\"}},"
                + "{\"name\":\"fields\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"type\":\"string\"}},"
                + "{\"name\":\"X-Tenant\",\"in\":\"header\",\"required\":true,"
                + "\"schema\":{\"type\":\"string\"}},"
                + "{\"name\":\"theme\",\"in\":\"cookie\",\"required\":false,"
                + "\"schema\":{\"type\":\"string\"}}]");
  }

  @Test
  void takesSummariesAndDescriptionsFromDocCommentsAndMarksDeprecatedRoutes() {
    String document = document(USERS);

    JsonNode find = operation(document, "/users/{id}", "get");
    assertThat(find.get("summary").asText()).isEqualTo("Finds one user.");
    assertThat(find.get("description").asText())
        .isEqualTo("Finds one user. Answers 404 when there is none.");
    assertThat(operation(document, "/users/{id}/name", "get").get("deprecated").asBoolean())
        .isTrue();
    assertThat(operation(document, "/users", "post").has("summary")).isFalse();
    assertThat(tree(document).get("tags").toString())
        .isEqualTo("[{\"name\":\"users\",\"description\":\"People who sign in.\"}]");
    assertThat(tree(document(FILES)).get("tags").toString())
        .isEqualTo("[{\"name\":\"files\",\"description\":\"The routes of function 'files'.\"}]");
  }

  @Test
  void aComponentAnnotatedNullableIsNeitherRequiredNorNonNull() {
    String document =
        document(
            """
            package com.example;

            import dev.anyfn.*;
            import java.lang.annotation.*;

            @ServerlessFunction("people")
            public class People {
              @Target({ElementType.TYPE_USE})
              @Retention(RetentionPolicy.CLASS)
              public @interface Nullable {}

              public record Person(String name, @Nullable String nickname) {}

              @Route("/person")
              public Person person() {
                return null;
              }
            }
            """);
    JsonNode person = tree(document).at("/components/schemas/Person");

    assertThat(person.at("/properties/nickname").toString())
        .isEqualTo("{\"type\":[\"string\",\"null\"]}");
    assertThat(person.get("required").toString()).isEqualTo("[\"name\"]");
  }

  @Test
  void writesJavadocInlineTagsAsMarkdown() {
    assertThat(
            OpenApiWriter.markdown(
                "Sends to {@code orders}; see {@link Catalog#product(long)} and {@linkplain"
                    + " Catalog the catalog}, or {@literal a<b}."))
        .isEqualTo("Sends to `orders`; see `product(long)` and the catalog, or `a<b`.");
  }

  @Test
  void aCodeTagRunsToTheBraceThatBalancesItAsInJavadoc() {
    assertThat(OpenApiWriter.markdown("{@code GET /hello/{name}}: JSON, or {@code {@code x}}."))
        .isEqualTo("`GET /hello/{name}`: JSON, or `{@code x}`.");
    assertThat(OpenApiWriter.markdown("An open {@code tag")).isEqualTo("An open {@code tag");
  }

  @Test
  void describesRecordsByTheirComponentsWithOptionalOnesNullableAndNotRequired() {
    JsonNode schemas = tree(document(USERS)).get("components").get("schemas");

    assertThat(schemas.get("User").toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{"
                + "\"id\":{\"type\":\"string\",\"format\":\"uuid\"},"
                + "\"name\":{\"type\":\"string\"},"
                + "\"email\":{\"type\":[\"string\",\"null\"]},"
                + "\"roles\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Role\"}},"
                + "\"created\":{\"type\":\"string\",\"format\":\"date-time\"}},"
                + "\"required\":[\"id\",\"name\",\"roles\",\"created\"]}");
    assertThat(schemas.get("Role").toString())
        .isEqualTo("{\"type\":\"string\",\"enum\":[\"ADMIN\",\"MEMBER\"]}");
    assertThat(schemas.get("NewUser").get("properties").get("roles").get("uniqueItems").asBoolean())
        .isTrue();
  }

  @Test
  void describesJsonBodiesAndAnswersWithTheProblemsAnyfnGives() {
    String document = document(USERS);

    JsonNode create = operation(document, "/users", "post");
    assertThat(create.get("requestBody").toString())
        .isEqualTo(
            "{\"required\":true,\"content\":{\"application/json\":{\"schema\":"
                + "{\"$ref\":\"#/components/schemas/NewUser\"}}}}");
    assertThat(create.get("responses").get("200").get("content").toString())
        .isEqualTo("{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/User\"}}}");
    assertThat(fieldNames(create.get("responses"))).containsExactly("200", "400", "415", "500");
    assertThat(create.at("/responses/400/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/anyfn.Problem");
    assertThat(tree(document).at("/components/schemas/anyfn.Problem/required").toString())
        .isEqualTo("[\"type\",\"title\",\"status\",\"error\",\"requestId\"]");

    assertThat(fieldNames(operation(document, "/users/{id}", "delete").get("responses")))
        .containsExactly("204", "400", "500");
    assertThat(operation(document, "/users/{id}/name", "get").at("/responses/200/content"))
        .hasToString("{\"text/plain\":{\"schema\":{\"type\":\"string\"}}}");
    JsonNode avatar = operation(document, "/users/{id}/avatar", "put");
    assertThat(avatar.get("requestBody").toString())
        .isEqualTo("{\"content\":{\"application/octet-stream\":{}}}");
    assertThat(fieldNames(avatar.get("responses"))).containsExactly("default", "400", "500");
  }

  @Test
  void describesAGreedyPathParameterAsTheRestOfThePath() {
    JsonNode get = operation(document(FILES), "/files/{path}", "get");

    assertThat(get.at("/parameters/0/description").asText())
        .isEqualTo("The rest of the path, slashes included.");
    assertThat(get.at("/responses/200/content").toString())
        .isEqualTo("{\"application/octet-stream\":{}}");
  }

  @Test
  void describesAGreedyPathParameterBoundToAListAsThePathTextNotAnArray() {
    JsonNode sum = operation(document(FILES), "/sum/{numbers}", "get");

    // A path parameter's array would be sent comma-separated (style simple); this one is the
    // segments, slashes included.
    assertThat(sum.at("/parameters/0/schema").toString()).isEqualTo("{\"type\":\"string\"}");
    assertThat(sum.at("/parameters/0/description").asText())
        .isEqualTo(
            "The rest of the path, slashes included; each segment is one value (integer, int32).");
    assertThat(sum.at("/parameters/0/required").asBoolean()).isTrue();
  }

  @Test
  void aTemplateParameterThatTheHandlerReadsFromTheRequestIsStillDescribed() {
    JsonNode read = operation(document(FILES), "/raw/{kind}/{id}", "get");

    assertThat(read.get("parameters").toString())
        .isEqualTo(
            "[{\"name\":\"kind\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}},"
                + "{\"name\":\"id\",\"in\":\"path\",\"required\":true,"
                + "\"schema\":{\"type\":\"integer\",\"format\":\"int64\"}}]");
  }

  @Test
  void expandsAQueryRecordIntoOneParameterPerComponent() {
    JsonNode search = operation(document(FILES), "/search", "get");

    assertThat(search.get("parameters").toString())
        .isEqualTo(
            "[{\"name\":\"q\",\"in\":\"query\",\"required\":false,\"schema\":{\"type\":\"string\"}},"
                + "{\"name\":\"page_size\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"type\":\"integer\",\"format\":\"int32\"}},"
                + "{\"name\":\"tag\",\"in\":\"query\",\"required\":false,"
                + "\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}]");
  }

  @Test
  void describesFormsAsUrlEncodedOrMultipartAndFormsWithFilesAsMultipartOnly() {
    String document = document(FILES);

    JsonNode contact = operation(document, "/contact", "post").get("requestBody");
    assertThat(fieldNames(contact.get("content")))
        .containsExactly("application/x-www-form-urlencoded", "multipart/form-data");
    assertThat(contact.at("/content/multipart~1form-data/schema").toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"reply_to\":{\"type\":\"string\"}},\"required\":[\"name\"]}");

    JsonNode upload = operation(document, "/upload", "post").get("requestBody");
    assertThat(fieldNames(upload.get("content"))).containsExactly("multipart/form-data");
    assertThat(upload.at("/content/multipart~1form-data/schema").toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"},"
                + "\"file\":{\"type\":\"string\",\"contentMediaType\":\"application/octet-stream\"},"
                + "\"more\":{\"type\":\"array\",\"items\":{\"type\":\"string\","
                + "\"contentMediaType\":\"application/octet-stream\"}}},"
                + "\"required\":[\"title\",\"file\"]}");
    assertThat(upload.get("required").asBoolean()).isTrue();
  }

  @Test
  void aTextBodyTakesAnyTextAndIsNeverAnswered415() {
    JsonNode raw = operation(document(FILES), "/raw", "post");

    assertThat(raw.get("requestBody").toString())
        .isEqualTo("{\"content\":{\"text/plain\":{\"schema\":{\"type\":\"string\"}}}}");
    assertThat(fieldNames(raw.get("responses"))).containsExactly("200", "400", "500");
  }

  @Test
  void followsJacksonNamesAndIgnoredPropertiesAndDescribesBeansByTheirGetters() {
    String document =
        document(
            """
            package com.example;

            import com.fasterxml.jackson.annotation.JsonIgnore;
            import com.fasterxml.jackson.annotation.JsonProperty;
            import dev.anyfn.*;

            @ServerlessFunction("orders")
            public class Orders {
              public enum State { @JsonProperty("open") OPEN, @JsonProperty("shipped") SHIPPED }

              public record Order(
                  @JsonProperty("order_id") String orderId, @JsonIgnore String secret, State state) {}

              public static class Receipt {
                public long number;
                public String getText() { return ""; }
                public boolean isPaid() { return true; }
                @JsonIgnore public String getInternal() { return ""; }
              }

              @Route(value = "/orders", method = HttpMethod.POST)
              public Receipt order(Order order) {
                return null;
              }
            }
            """);
    JsonNode schemas = tree(document).get("components").get("schemas");

    assertThat(fieldNames(schemas.get("Order").get("properties")))
        .containsExactly("order_id", "state");
    assertThat(schemas.get("State").get("enum").toString()).isEqualTo("[\"open\",\"shipped\"]");
    assertThat(fieldNames(schemas.get("Receipt").get("properties")))
        .containsExactlyInAnyOrder("number", "text", "paid");
    assertThat(schemas.at("/Receipt/properties/number/format").asText()).isEqualTo("int64");
  }

  @Test
  void onlyARecordsComponentsAreRequiredSinceJacksonLeavesABeansMissingPropertiesAtTheirDefaults() {
    JsonNode schemas =
        tree(document(
                """
                    package com.example;

                    import dev.anyfn.*;

                    @ServerlessFunction("signup")
                    public class Signup {
                      public record Account(String email, int age) {}

                      public static class Preferences {
                        public String theme = "light";
                        private int pageSize = 20;
                        public int getPageSize() { return pageSize; }
                        public void setPageSize(int pageSize) { this.pageSize = pageSize; }
                      }

                      public record Form(Account account, Preferences preferences) {}

                      @Route(value = "/signup", method = HttpMethod.POST)
                      public Account signup(Form form) {
                        return form.account();
                      }
                    }
                    """))
            .get("components")
            .get("schemas");

    assertThat(schemas.at("/Account/required").toString()).isEqualTo("[\"email\",\"age\"]");
    assertThat(schemas.at("/Form/required").toString()).isEqualTo("[\"account\",\"preferences\"]");
    assertThat(fieldNames(schemas.get("Preferences").get("properties")))
        .containsExactlyInAnyOrder("theme", "pageSize");
    assertThat(schemas.get("Preferences").has("required")).isFalse();
  }

  @Test
  void namesGenericAndClashingTypesApartAndDescribesTypesThatContainThemselves() {
    String document =
        document(
            """
            package com.example.a;
            public record Item(String name) {}
            """,
            """
            package com.example.b;
            public record Item(int count) {}
            """,
            """
            package com.example;

            import dev.anyfn.*;
            import java.util.*;

            @ServerlessFunction("catalog")
            public class Catalog {
              public record Page<T>(List<T> items, Optional<String> next) {}
              public record Node(String label, List<Node> children) {}
              public record Both(com.example.a.Item a, com.example.b.Item b, Café café) {}
              public record Café(String name) {}

              @Route("/items")
              public Page<com.example.a.Item> items() {
                return null;
              }

              @Route("/tree")
              public Node tree() {
                return null;
              }

              @Route("/both")
              public Both both() {
                return null;
              }
            }
            """);
    JsonNode schemas = tree(document).get("components").get("schemas");

    assertThat(fieldNames(schemas))
        .containsExactlyInAnyOrder(
            "Page_Item",
            "Node",
            "Both",
            "Caf_",
            "com.example.a.Item",
            "com.example.b.Item",
            "anyfn.Problem");
    assertThat(schemas.at("/Page_Item/properties/items/items/$ref").asText())
        .isEqualTo("#/components/schemas/com.example.a.Item");
    assertThat(schemas.at("/Node/properties/children/items/$ref").asText())
        .isEqualTo("#/components/schemas/Node");
    assertThat(new OpenAPIV3Parser().readContents(document).getMessages()).isEmpty();
  }

  @Test
  void describesUnusualButBindableTypesWithoutFailingTheCompilation() {
    String document =
        document(
            """
            package com.example;

            import com.fasterxml.jackson.databind.JsonNode;
            import dev.anyfn.*;
            import java.math.BigDecimal;
            import java.time.*;
            import java.util.*;

            @ServerlessFunction("odd")
            public class Odd {
              public record Box<T>(T value, List<Box<T>> more) {}
              public record Grows<T>(T value, Grows<List<T>> next) {}
              public static class Base { public String getId() { return ""; } }
              public static class Derived extends Base {
                public static final int IGNORED = 1;
                public Object anything;
                public int[] counts;
              }
              @SuppressWarnings("rawtypes")
              public record Kitchen(
                  Map<String, List<Box<String>>> boxes,
                  Box<Box<Integer>>[] nested,
                  Optional<List<LocalDate>> dates,
                  char initial,
                  BigDecimal price,
                  Duration ttl,
                  JsonNode extra,
                  Derived derived,
                  Box raw,
                  Grows<String> grows,
                  byte[] data,
                  SortedSet<Character> letters) {}

              @Route(value = "/kitchen", method = HttpMethod.PUT)
              public Kitchen kitchen(Kitchen kitchen) {
                return kitchen;
              }
            }
            """);
    JsonNode schemas = tree(document).get("components").get("schemas");

    assertThat(new OpenAPIV3Parser().readContents(document).getMessages()).isEmpty();
    assertThat(schemas.at("/Kitchen/properties/boxes/additionalProperties/items/$ref").asText())
        .isEqualTo("#/components/schemas/Box_String");
    assertThat(schemas.at("/Kitchen/properties/data").toString())
        .isEqualTo("{\"type\":\"string\",\"contentEncoding\":\"base64\"}");
    assertThat(fieldNames(schemas.get("Derived").get("properties")))
        .containsExactlyInAnyOrder("anything", "counts", "id");
    assertThat(schemas.at("/Kitchen/properties/extra").toString()).isEqualTo("{}");
    assertThat(fieldNames(schemas)).anyMatch(name -> name.startsWith("Grows_"));
  }

  @Test
  void namesTheDocumentFromTheProcessorOptionsAndTellsHowWithout() {
    Compilation named =
        compileWithOptions(
            List.of("-Aanyfn.openapi.title=Shop API", "-Aanyfn.openapi.version=1.4.0"), USERS);
    named.assertIndex();
    JsonNode info = tree(named.output(OpenApiWriter.RESOURCE).orElseThrow()).get("info");

    assertThat(info.get("title").asText()).isEqualTo("Shop API");
    assertThat(info.get("version").asText()).isEqualTo("1.4.0");
    assertThat(tree(document(USERS)).at("/info/version").asText()).isEqualTo("unversioned");
  }

  @Test
  void twoRoutesWhoseMethodsShareANameGetOperationIdsNamedByTheirFunctions() {
    String document =
        document(
            """
            @ServerlessFunction("a")
            public class A {
              @Route("/a")
              public String get() { return ""; }
            }
            """,
            """
            @ServerlessFunction("b")
            public class B {
              @Route("/b")
              public String get() { return ""; }
            }
            """);

    assertThat(operation(document, "/a", "get").get("operationId").asText()).isEqualTo("a.get");
    assertThat(operation(document, "/b", "get").get("operationId").asText()).isEqualTo("b.get");
  }

  private static String document(String... sources) {
    Compilation result = compile(sources);
    assertThat(result.errors()).isEmpty();
    // -Xlint:all in these compilations warns that no processor claims Jackson's annotations
    assertThat(result.warnings()).allMatch(w -> w.startsWith("No processor claimed"));
    assertThat(result.index()).isPresent();
    return result.output(OpenApiWriter.RESOURCE).orElseThrow();
  }

  private static JsonNode operation(String document, String path, String method) {
    JsonNode op = tree(document).get("paths").get(path).get(method);
    assertThat(op).as(method + " " + path).isNotNull();
    return op;
  }

  private static JsonNode tree(String document) {
    try {
      return MAPPER.readTree(document);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
