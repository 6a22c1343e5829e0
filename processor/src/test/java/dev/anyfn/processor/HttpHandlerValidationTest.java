package dev.anyfn.processor;

import static dev.anyfn.processor.Compilation.compile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parameters, return types and modifiers of {@code @Route} handlers. */
class HttpHandlerValidationTest {
  private static Compilation handler(String method) {
    return compile(
        """
        @ServerlessFunction("api")
        public class Api {
          public record Order(String id) {}

        %s
        }
        """
            .formatted(method));
  }

  @Test
  void rejectsUnsupportedParameterType() {
    handler(
            """
              @Route(value = "/upload", method = HttpMethod.POST)
              public void upload(java.io.File file) {}
            """)
        .assertError(
            "@Route handler upload takes java.io.File; expected HttpRequest, Context, a"
                + " @PathParam, @QueryParam, @FormParam, @HeaderParam or @CookieParam value, or"
                + " one body parameter (a record, a POJO, String or byte[]).");
  }

  @Test
  void rejectsEventTypeOnHttpHandler() {
    handler(
            """
              @Route("/x")
              public void x(QueueMessage message) {}
            """)
        .assertError(
            "@Route handler x takes QueueMessage; expected HttpRequest, Context, a @PathParam,"
                + " @QueryParam, @FormParam, @HeaderParam or @CookieParam value, or one body"
                + " parameter (a record, a POJO, String or byte[]).");
  }

  @Test
  void rejectsBodyOfUnbindableGenericType() {
    handler(
            """
              @Route(value = "/x", method = HttpMethod.POST)
              public void x(List<Thread> threads) {}
            """)
        .assertError(
            "@Route handler x takes java.util.List<Thread>; expected HttpRequest, Context, a"
                + " @PathParam, @QueryParam, @FormParam, @HeaderParam or @CookieParam value, or"
                + " one body parameter (a record, a POJO, String or byte[]).");
  }

  @Test
  void rejectsMoreThanOneBodyParameter() {
    handler(
            """
              @Route(value = "/orders", method = HttpMethod.POST)
              public void create(Order order, String note) {}
            """)
        .assertError(
            "@Route handler create has more than one body parameter: order and note. Expected at"
                + " most one; annotate the others with @PathParam, @QueryParam, @FormParam or"
                + " @HeaderParam, or wrap them in one record.");
  }

  @Test
  void rejectsFormFieldsBesideAnotherBodyParameter() {
    handler(
            """
              @Route(value = "/orders", method = HttpMethod.POST)
              public void create(@FormParam("sku") String sku, Order order) {}
            """)
        .assertError(
            "@Route handler create reads the body both as form fields (sku) and as order."
                + " Expected one: a form body or another body. Bind the form's fields with"
                + " @FormParam only, or take the body as one parameter.");
  }

  @Test
  void rejectsFormFieldsOnAGetRoute() {
    handler(
            """
              @Route("/search")
              public String search(@FormParam("q") String q) { return q; }
            """)
        .assertError(
            "@Route handler search binds @FormParam on a GET route, whose requests carry no"
                + " body; a form sent with GET puts its fields in the query string. Bind them with"
                + " @QueryParam, or route a POST.");
  }

  @Test
  void rejectsABodyParameterOnAGetRouteSuggestingAQueryRecord() {
    handler(
            """
              public record Search(String q, int page) {}
              @Route("/search")
              public String search(Search search) { return search.q(); }
            """)
        .assertError(
            "@Route handler search takes search as the request body on a GET route, whose"
                + " requests carry none. Bind a record of query parameters with @QueryParam (e.g."
                + " @QueryParam Search search), annotate the parameter with @PathParam, @QueryParam"
                + " or @HeaderParam, or route a POST.");
  }

  @Test
  void acceptsAPublicRecordHoldingAPackagePrivateEnumWhichJacksonReads() {
    handler(
            """
              enum Level { LOW, HIGH }
              public record Alert(Level level, java.util.List<Level> history) {}
              @Route(value = "/alerts", method = HttpMethod.POST)
              public Alert raise(Alert alert) { return alert; }
            """)
        .assertIndex();
  }

  @Test
  void acceptsTypesJacksonCanMakeWithoutANoArgumentConstructor() {
    Compilation c =
        handler(
            """
              public static class Email { public Email(String address) {} public String getAddress() { return ""; } }
              public static class Money {
                @com.fasterxml.jackson.annotation.JsonCreator
                public static Money of(String text) { return new Money(); }
                private Money() {}
              }
              public static class Point {
                public Point(@com.fasterxml.jackson.annotation.JsonProperty("x") int x,
                    @com.fasterxml.jackson.annotation.JsonProperty("y") int y) {}
              }
              public class View { public String getName() { return "n"; } }
              public record Purchase(Email email, Money price, Point at) {}
              @Route(value = "/orders", method = HttpMethod.POST)
              public View place(Purchase purchase) { return new View(); }
            """);
    // javac warns that no processor claims Jackson's annotations: not an error
    assertThat(c.errors()).isEmpty();
    assertThat(c.index()).isPresent();
  }

  @Test
  void rejectsABodyTypeJsonCannotReachOrMakeSayingWhy() {
    handler(
            """
              record Login(String user) {}
              public interface Shape {}
              public static class Pojo { public Pojo(String a, int b) {} }
              public class Inner {}
              public record Wrapper(Login login) {}
              @Route(value = "/a", method = HttpMethod.POST)
              public void a(Login login) {}
              @Route(value = "/b", method = HttpMethod.POST)
              public void b(Shape shape) {}
              @Route(value = "/c", method = HttpMethod.POST)
              public void c(Pojo pojo) {}
              @Route(value = "/d", method = HttpMethod.POST)
              public void d(Inner inner) {}
              @Route(value = "/e", method = HttpMethod.POST)
              public void e(java.util.List<Wrapper> wrappers) {}
              @Route("/f")
              public Login f() { return null; }
            """)
        .assertErrors(
            "@Route handler a takes com.example.Api.Login as its JSON body, but Login is not public; anyfn reads"
                + " and writes JSON through public types only. Declare Login public.",
            "@Route handler b takes com.example.Api.Shape as its JSON body, but Shape is an interface, and a JSON"
                + " body does not name the class to make (anyfn takes no type ids). Take a"
                + " concrete record or class.",
            "@Route handler c takes com.example.Api.Pojo as its JSON body, but Pojo has no public"
                + " constructor JSON can use: add a public no-argument one, or make Pojo a"
                + " record.",
            "@Route handler d takes com.example.Api.Inner as its JSON body, but Inner is an inner class, which"
                + " JSON cannot make without an instance of Api. Declare it static, or make it a"
                + " record.",
            "@Route handler e takes java.util.List<com.example.Api.Wrapper> as its JSON body, but"
                + " Login is not public; anyfn reads and writes JSON through public types only. Declare Login public.",
            "@Route handler f returns com.example.Api.Login as JSON, but Login is not public; anyfn reads and writes"
                + " JSON through public types only. Declare Login public.");
  }

  @Test
  void rejectsAParameterThatIsBothAQueryAndAFormValue() {
    handler(
            """
              @Route(value = "/x", method = HttpMethod.POST)
              public void x(@QueryParam("a") @FormParam("a") String a) {}
            """)
        .assertError(
            "Parameter a of x has @QueryParam and @FormParam; expected one of them. Keep the one"
                + " that says where the value comes from.");
  }

  @Test
  void rejectsAFormFieldOfAnUnbindableType() {
    handler(
            """
              @Route(value = "/x", method = HttpMethod.POST)
              public void x(@FormParam("when") java.util.Date when) {}
            """)
        .assertError(
            "@FormParam(\"when\") parameter when of x is java.util.Date; expected String, int,"
                + " long, double, boolean, their boxes, UUID, an enum or Upload (a file), or Optional or List of"
                + " those.");
  }

  @Test
  void rejectsPathParamNamingNoTemplateParameter() {
    handler(
            """
              @Route("/users/{id}")
              public String getUser(@PathParam("x") String x) {
                return "";
              }
            """)
        .assertError(
            "@PathParam(\"x\") on getUser names no parameter of /users/{id}; the template declares"
                + " {id}. Use one of those names or add {x} to the path.");
  }

  @Test
  void rejectsPathParamOnTemplateWithoutParameters() {
    handler(
            """
              @Route("/users")
              public String list(@PathParam("id") String id) {
                return "";
              }
            """)
        .assertError(
            "@PathParam(\"id\") on list names no parameter of /users; the template declares no"
                + " parameters. Use one of those names or add {id} to the path.");
  }

  @Test
  void rejectsPathParamOfUnsupportedType() {
    handler(
            """
              @Route("/users/{id}")
              public String get(@PathParam("id") java.time.Instant id) {
                return "";
              }
            """)
        .assertError(
            "@PathParam(\"id\") parameter id of get is java.time.Instant; expected String, int,"
                + " long, double, boolean, their boxes, UUID or an enum, or Optional of those.");
  }

  @Test
  void rejectsListForNonGreedyPathParam() {
    handler(
            """
              @Route("/users/{id}")
              public String get(@PathParam("id") List<String> id) {
                return "";
              }
            """)
        .assertError(
            "@PathParam(\"id\") parameter id of get is java.util.List<String>; expected String,"
                + " int, long, double, boolean, their boxes, UUID or an enum, or Optional of"
                + " those.");
  }

  @Test
  void rejectsQueryParamOfUnsupportedType() {
    handler(
            """
              @Route("/search")
              public String search(@QueryParam("at") float at) {
                return "";
              }
            """)
        .assertError(
            "@QueryParam(\"at\") parameter at of search is float; expected String, int, long,"
                + " double, boolean, their boxes, UUID or an enum, or Optional or List of those.");
  }

  @Test
  void rejectsEmptyHeaderName() {
    handler(
            """
              @Route("/x")
              public String x(@HeaderParam("") String trace) {
                return "";
              }
            """)
        .assertError(
            "@HeaderParam on parameter trace of x has an empty name. Name the value to bind, for"
                + " example @HeaderParam(\"trace\").");
  }

  @Test
  void rejectsParameterWithTwoSourceAnnotations() {
    handler(
            """
              @Route("/users/{id}")
              public String get(@PathParam("id") @QueryParam("id") String id) {
                return "";
              }
            """)
        .assertError(
            "Parameter id of get has @PathParam and @QueryParam; expected one of them. Keep the"
                + " one that says where the value comes from.");
  }

  @Test
  void rejectsUnsupportedReturnType() {
    handler(
            """
              @Route("/file")
              public java.io.File file() {
                return null;
              }
            """)
        .assertError(
            "@Route handler file returns java.io.File; expected HttpResponse, a record or POJO"
                + " (sent as JSON), String, byte[] or void.");
  }

  @Test
  void rejectsBatchResultReturnOnHttpHandler() {
    handler(
            """
              @Route("/x")
              public BatchResult x() {
                return BatchResult.success();
              }
            """)
        .assertError(
            "@Route handler x returns BatchResult; expected HttpResponse, a record or POJO (sent"
                + " as JSON), String, byte[] or void.");
  }

  @Test
  void rejectsNonPublicHandler() {
    handler(
            """
              @Route("/x")
              String x() {
                return "";
              }
            """)
        .assertError(
            "@Route handler x must be public; found package-private. Make it public so the"
                + " runtime can call it.");
  }

  @Test
  void rejectsStaticHandler() {
    handler(
            """
              @Route("/x")
              public static String x() {
                return "";
              }
            """)
        .assertError(
            "@Route handler x must not be static. Make it an instance method; anyfn calls it on"
                + " the function instance.");
  }

  @Test
  void rejectsGenericHandler() {
    handler(
            """
              @Route(value = "/x", method = HttpMethod.POST)
              public <T> String x(String body) {
                return "";
              }
            """)
        .assertError(
            "@Route handler x must not declare type parameters; found <T>. Use concrete types so"
                + " anyfn can bind them.");
  }

  @Test
  void rejectsMoreThanOneTriggerOnAMethod() {
    handler(
            """
              @Route("/x")
              @OnInvoke
              public String x() {
                return "";
              }
            """)
        .assertError(
            "Method x in function 'api' has more than one trigger: @Route and @OnInvoke. Keep one"
                + " trigger per method and move the others to methods of their own.");
  }

  @Test
  void rejectsTriggerTogetherWithLifecycleAnnotation() {
    handler(
            """
              @Route("/x")
              @OnInit
              public void x() {}
            """)
        .assertError(
            "Method x in function 'api' has @Route and @OnInit; expected one of them. Keep one and"
                + " move the others to methods of their own.");
  }

  @Test
  void indexesEveryHttpParameterSourceAndReturnKind() {
    String index =
        handler(
                """
                  @Route(value = "/orders/{id}/{tags+}", method = HttpMethod.PUT)
                  public byte[] put(
                      HttpRequest request,
                      Context context,
                      @PathParam("id") UUID id,
                      @PathParam("tags") Optional<String> tags,
                      @QueryParam("page") Optional<Integer> page,
                      @QueryParam("sort") List<String> sort,
                      @QueryParam("mode") HttpMethod mode,
                      @HeaderParam("X-Trace") String trace,
                      Map<String, List<Order>> body) {
                    return new byte[0];
                  }
                """)
            .assertIndex();

    assertThat(index)
        .contains(
            """
                      "parameterTypes": ["dev.anyfn.HttpRequest", "dev.anyfn.Context", "java.util.UUID",\
             "java.util.Optional", "java.util.Optional", "java.util.List", "dev.anyfn.HttpMethod",\
             "java.lang.String", "java.util.Map"],
                      "returnType": "[B",
                      "returnKind": "BYTES",
                      "trigger": { "kind": "HTTP", "method": "PUT", "path": "/orders/{id}/{tags+}" },
                      "parameters": [
                        { "source": "REQUEST" },
                        { "source": "CONTEXT" },
                        { "source": "PATH", "name": "id", "type": "java.util.UUID", "optional": false },
                        { "source": "PATH", "name": "tags", "type": "java.lang.String", "optional": true },
                        { "source": "QUERY", "name": "page", "type": "java.lang.Integer", "optional": true, "list": false },
                        { "source": "QUERY", "name": "sort", "type": "java.lang.String", "optional": false, "list": true },
                        { "source": "QUERY", "name": "mode", "type": "dev.anyfn.HttpMethod", "optional": false, "list": false },
                        { "source": "HEADER", "name": "X-Trace", "type": "java.lang.String", "optional": false },
                        { "source": "BODY", "type": "java.util.Map",\
             "genericType": "java.util.Map<java.lang.String,java.util.List<com.example.Api$Order>>" }
                      ]
            """);
  }

  @Test
  void indexesFormFieldsAsQueryValuesAreIndexed() {
    String index =
        handler(
                """
                  @Route(value = "/slack/commands", method = HttpMethod.POST)
                  public String command(
                      @FormParam("command") String command,
                      @FormParam("text") Optional<String> text,
                      @FormParam("channel_id") List<String> channels) {
                    return command;
                  }
                """)
            .assertIndex();

    assertThat(index)
        .contains(
            """
                      "parameters": [
                        { "source": "FORM", "name": "command", "type": "java.lang.String", "optional": false, "list": false },
                        { "source": "FORM", "name": "text", "type": "java.lang.String", "optional": true, "list": false },
                        { "source": "FORM", "name": "channel_id", "type": "java.lang.String", "optional": false, "list": true }
                      ]
            """);
  }

  @Test
  void indexesTheFilesOfAMultipartFormAsUploads() {
    String index =
        handler(
                """
                  @Route(value = "/profile", method = HttpMethod.POST)
                  public String profile(
                      @FormParam("name") String name,
                      @FormParam("avatar") Optional<Upload> avatar,
                      @FormParam("doc") List<Upload> docs) {
                    return name;
                  }
                """)
            .assertIndex();

    assertThat(index)
        .contains(
            """
                        { "source": "FORM", "name": "avatar", "type": "dev.anyfn.Upload", "optional": true, "list": false },
                        { "source": "FORM", "name": "doc", "type": "dev.anyfn.Upload", "optional": false, "list": true }
            """);
  }

  @Test
  void rejectsAnUploadOutsideAForm() {
    handler(
            """
              @Route("/x")
              public void x(@QueryParam("file") Upload file) {}
            """)
        .assertError(
            "@QueryParam(\"file\") parameter file of x is Upload; expected String, int,"
                + " long, double, boolean, their boxes, UUID or an enum, or Optional or List of"
                + " those.");
  }

  @Test
  void indexesAFormRecordWithTheFieldOfEachComponent() {
    String index =
        handler(
                """
                  public record SlashCommand(
                      String command,
                      @FormParam("user_id") String userId,
                      Optional<String> text,
                      List<String> tags,
                      int count) {}

                  @Route(value = "/slack/commands", method = HttpMethod.POST)
                  public String command(@FormParam SlashCommand command) {
                    return command.command();
                  }
                """)
            .assertIndex();

    assertThat(index)
        .contains(
            """
                      "parameters": [
                        {
                          "source": "RECORD",
                          "type": "com.example.Api$SlashCommand",
                          "fields": [
                            { "source": "FORM", "name": "command", "type": "java.lang.String", "optional": false, "list": false },
                            { "source": "FORM", "name": "user_id", "type": "java.lang.String", "optional": false, "list": false },
                            { "source": "FORM", "name": "text", "type": "java.lang.String", "optional": true, "list": false },
                            { "source": "FORM", "name": "tags", "type": "java.lang.String", "optional": false, "list": true },
                            { "source": "FORM", "name": "count", "type": "int", "optional": false, "list": false }
                          ]
                        }
                      ]
            """);
  }

  @Test
  void indexesAQueryRecordWithTheParameterOfEachComponent() {
    String index =
        handler(
                """
                  public record Filter(
                      Optional<String> category,
                      @QueryParam("min_price") Optional<Integer> minPrice,
                      List<String> tag) {}

                  @Route("/products")
                  public String products(@QueryParam Filter filter) { return ""; }
                """)
            .assertIndex();

    assertThat(index)
        .contains(
            """
                      "parameters": [
                        {
                          "source": "RECORD",
                          "type": "com.example.Api$Filter",
                          "fields": [
                            { "source": "QUERY", "name": "category", "type": "java.lang.String", "optional": true, "list": false },
                            { "source": "QUERY", "name": "min_price", "type": "java.lang.Integer", "optional": true, "list": false },
                            { "source": "QUERY", "name": "tag", "type": "java.lang.String", "optional": false, "list": true }
                          ]
                        }
                      ]
            """);
  }

  @Test
  void rejectsAQueryRecordWhoseComponentNamesAFormField() {
    handler(
            """
              public record Filter(@FormParam("cat") String category) {}

              @Route("/products")
              public String products(@QueryParam Filter filter) { return ""; }
            """)
        .assertError(
            "Component category of Filter, the query record of parameter filter of products, has"
                + " @FormParam, but the record is bound from the query. Expected @QueryParam or no"
                + " annotation on its components.");
  }

  @Test
  void rejectsAQueryRecordWithANestedRecord() {
    handler(
            """
              public record Range(int min, int max) {}
              public record Filter(Range price) {}

              @Route("/products")
              public String products(@QueryParam Filter filter) { return ""; }
            """)
        .assertError(
            "Component price of Filter, the query record of parameter filter of products, is"
                + " com.example.Api.Range; expected String, int, long, double, boolean, their"
                + " boxes, UUID or an enum, or Optional or List of those: a query's parameters are"
                + " text, one level deep. Take the nested record's parameters into this one, or"
                + " take it as JSON in a POST.");
  }

  @Test
  void rejectsAFormRecordWithANestedRecord() {
    handler(
            """
              public record Address(String street) {}
              public record Signup(String email, Address address) {}

              @Route(value = "/signup", method = HttpMethod.POST)
              public void signup(@FormParam Signup signup) {}
            """)
        .assertError(
            "Component address of Signup, the form record of parameter signup of signup, is"
                + " com.example.Api.Address; expected String, int, long, double, boolean, their"
                + " boxes, UUID, an enum or Upload (a file), or Optional or List of those: a form's fields are"
                + " text, one level deep. Take the nested record's fields into this one, or post"
                + " JSON.");
  }

  @Test
  void rejectsAFormRecordComponentOfAnotherTypeSayingToConvertItInTheHandler() {
    handler(
            """
              public record Command(java.net.URI responseUrl) {}

              @Route(value = "/slack", method = HttpMethod.POST)
              public void slack(@FormParam Command command) {}
            """)
        .assertError(
            "Component responseUrl of Command, the form record of parameter command of slack, is"
                + " java.net.URI; expected String, int, long, double, boolean, their boxes, UUID, an"
                + " enum or Upload (a file), or Optional or List of those. Take it as a String and convert it in"
                + " the handler.");
  }

  @Test
  void rejectsAFormRecordWhoseComponentsBindTheSameField() {
    handler(
            """
              public record Signup(String email, @FormParam("email") String address) {}

              @Route(value = "/signup", method = HttpMethod.POST)
              public void signup(@FormParam Signup signup) {}
            """)
        .assertError(
            "Component address of Signup, the form record of parameter signup of signup, binds"
                + " form field 'email', which component email binds too. Expected one component"
                + " per field; give one of them another @FormParam name.");
  }

  @Test
  void rejectsAFormRecordOnAGetRoute() {
    handler(
            """
              public record Search(String q) {}

              @Route("/search")
              public String search(@FormParam Search search) { return search.q(); }
            """)
        .assertError(
            "@Route handler search binds @FormParam on a GET route, whose requests carry no"
                + " body; a form sent with GET puts its fields in the query string. Bind them with"
                + " @QueryParam, or route a POST.");
  }

  @Test
  void aNamedFormFieldOfARecordTypeSaysHowToBindTheWholeForm() {
    handler(
            """
              public record Signup(String email) {}

              @Route(value = "/signup", method = HttpMethod.POST)
              public void signup(@FormParam("signup") Signup signup) {}
            """)
        .assertError(
            "@FormParam(\"signup\") parameter signup of signup is com.example.Api.Signup;"
                + " expected String, int, long, double, boolean, their boxes, UUID, an enum or Upload (a file), or"
                + " Optional or List of those. To bind the whole form to the record, drop the"
                + " name: @FormParam com.example.Api.Signup signup.");
  }

  @Test
  void rejectsAnUnnamedFormFieldThatIsNotARecord() {
    handler(
            """
              @Route(value = "/x", method = HttpMethod.POST)
              public void x(@FormParam String email) {}
            """)
        .assertError(
            "@FormParam on parameter email of x has an empty name. Name the value to bind, for"
                + " example @FormParam(\"email\"), or bind the whole form to a record"
                + " parameter.");
  }

  @Test
  void indexesRawBodiesAndVoidResponse() {
    String index =
        handler(
                """
                  @Route(value = "/raw", method = HttpMethod.POST)
                  public void raw(byte[] body) {}

                  @Route(value = "/text", method = HttpMethod.POST)
                  public Order text(String body) {
                    return null;
                  }
                """)
            .assertIndex();

    assertThat(index)
        .contains("{ \"source\": \"BODY\", \"type\": \"[B\", \"genericType\": \"[B\" }")
        .contains("\"returnKind\": \"VOID\"")
        .contains(
            "{ \"source\": \"BODY\", \"type\": \"java.lang.String\", \"genericType\":"
                + " \"java.lang.String\" }");
  }

  @Test
  void rejectsACookieNameNoCookieHeaderCanCarry() {
    handler(
            """
              @Route("/x")
              public String x(@CookieParam("my session") String session) { return session; }
            """)
        .assertError(
            "@CookieParam(\"my session\") on parameter session of x is no cookie name: ' '"
                + " cannot be in one. Cookie names are RFC 6265 tokens: letters, digits and"
                + " !#$%&'*+-.^_`|~.");
  }

  @Test
  void rejectsACookieParamOfATypeNoCookieConvertsTo() {
    handler(
            """
              @Route("/x")
              public String x(@CookieParam("ids") List<String> ids) { return ""; }
            """)
        .assertError(
            "@CookieParam(\"ids\") parameter ids of x is java.util.List<String>; expected"
                + " String, int, long, double, boolean, their boxes, UUID or an enum, or Optional"
                + " of those.");
  }

  @Test
  void rejectsACookieParamBesideAnotherSource() {
    handler(
            """
              @Route("/x")
              public String x(@CookieParam("s") @HeaderParam("s") String s) { return s; }
            """)
        .assertError(
            "Parameter s of x has @HeaderParam and @CookieParam; expected one of them. Keep the"
                + " one that says where the value comes from.");
  }
}
