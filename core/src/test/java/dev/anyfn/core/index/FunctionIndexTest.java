package dev.anyfn.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionIndexTest {
  private static final String REBUILD =
      ". Rebuild the project so the anyfn annotation processor writes it again.";

  private static FunctionIndex read(String json) {
    return FunctionIndex.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  private static String index(String handlers) {
    return "{\"formatVersion\":1,\"functions\":[{\"name\":\"f\",\"className\":\"a.F\","
        + "\"memoryMb\":256,\"timeoutSeconds\":10,\"maxInstances\":3,"
        + "\"handlers\":["
        + handlers
        + "]}]}";
  }

  private static String handler(String trigger, String parameters) {
    return "{\"method\":\"m\",\"parameterTypes\":[\"long\",\"dev.anyfn.Context\"],"
        + "\"returnType\":\"void\",\"returnKind\":\"VOID\",\"trigger\":"
        + trigger
        + ",\"parameters\":["
        + parameters
        + "]}";
  }

  /** Every trigger kind and parameter field the processor writes, as in docs/architecture.md. */
  private static final FunctionIndex EVERYTHING =
      new FunctionIndex(
          1,
          List.of(
              new FunctionSpec(
                  "website",
                  "com.example.Website$Inner",
                  512,
                  30,
                  10,
                  List.of(new MethodRef("init", List.of("dev.anyfn.InitContext"))),
                  List.of(new MethodRef("close", List.of())),
                  List.of(
                      new HandlerSpec(
                          "user",
                          List.of("long", "dev.anyfn.Context"),
                          "com.example.User",
                          HandlerSpec.ReturnKind.JSON,
                          new TriggerSpec.Http("GET", "/users/{id}"),
                          List.of(
                              new ParameterSpec(
                                  ParameterSpec.Source.PATH, "id", "long", null, false, false),
                              new ParameterSpec(
                                  ParameterSpec.Source.QUERY,
                                  "tag",
                                  "java.lang.String",
                                  null,
                                  false,
                                  true),
                              new ParameterSpec(
                                  ParameterSpec.Source.BODY,
                                  null,
                                  "java.util.List",
                                  "java.util.List<com.example.Item>",
                                  false,
                                  false),
                              new ParameterSpec(
                                  ParameterSpec.Source.RECORD,
                                  null,
                                  "com.example.Website$Signup",
                                  null,
                                  false,
                                  false,
                                  List.of(
                                      new ParameterSpec(
                                          ParameterSpec.Source.FORM,
                                          "user_id",
                                          "java.lang.String",
                                          null,
                                          true,
                                          false))),
                              new ParameterSpec(
                                  ParameterSpec.Source.CONTEXT, null, null, null, false, false))),
                      handler(new TriggerSpec.Queue("orders", 10)),
                      handler(new TriggerSpec.Topic("news")),
                      handler(new TriggerSpec.Storage("uploads", List.of("CREATED", "DELETED"))),
                      handler(new TriggerSpec.Schedule("0 9 * * 1", "", 0, "Europe/Paris")),
                      handler(new TriggerSpec.Schedule("", "5m", 300, "UTC")),
                      handler(new TriggerSpec.DataChange("users", List.of("INSERT", "REMOVE"))),
                      handler(new TriggerSpec.Invoke())),
                  new CorsSpec(
                      List.of("https://app.example.com"),
                      List.of("Content-Type"),
                      List.of("ETag"),
                      true,
                      60),
                  List.of("orders", "audit"),
                  List.of("order-events")),
              new FunctionSpec(
                  "plain",
                  "com.example.Plain",
                  512,
                  30,
                  10,
                  List.of(),
                  List.of(),
                  List.of(handler(new TriggerSpec.Http("GET", "/plain"))))));

  private static HandlerSpec handler(TriggerSpec trigger) {
    return new HandlerSpec(
        "on" + trigger.kind(),
        List.of(),
        "void",
        HandlerSpec.ReturnKind.VOID,
        trigger,
        List.of(new ParameterSpec(ParameterSpec.Source.EVENT, null, "x.E", null, false, false)));
  }

  @Test
  void aFunctionTakesEventsWhenAHandlerHasATriggerOtherThanARouteOrADirectInvocation() {
    FunctionSpec plain = EVERYTHING.function("plain").orElseThrow();
    FunctionSpec direct =
        new FunctionSpec(
            "direct",
            "com.example.Direct",
            512,
            30,
            10,
            List.of(),
            List.of(),
            List.of(handler(new TriggerSpec.Http("GET", "/")), handler(new TriggerSpec.Invoke())));

    assertThat(plain.takesEvents()).isFalse();
    assertThat(direct.takesEvents()).isFalse();
    assertThat(EVERYTHING.functions().get(0).takesEvents()).isTrue();
  }

  @Test
  void readsEveryTriggerAndParameterAsTheRecordBindingWritesThem() throws Exception {
    // The maven plugin's FatJar writes a merged index with databind from these records.
    byte[] written = JsonMapper.builder().build().writeValueAsBytes(EVERYTHING);
    assertThat(FunctionIndex.read(new ByteArrayInputStream(written), "fat.jar"))
        .isEqualTo(EVERYTHING);
  }

  @Test
  void readsTheProcessorWrittenIndexOfTheTestClasses() {
    FunctionIndex index = FunctionIndex.load(FunctionIndexTest.class.getClassLoader());
    assertThat(index.function("conformance")).isPresent();
    assertThat(index.function("conformance").get().handlers())
        .anySatisfy(
            h -> {
              assertThat(h.method()).isEqualTo("hello");
              assertThat(h.trigger()).isEqualTo(new TriggerSpec.Http("GET", "/hello"));
              assertThat(h.returnKind()).isEqualTo(HandlerSpec.ReturnKind.TEXT);
            });
  }

  @Test
  void aClassPathWithoutAnIndexNamesTheProcessorAndHowToRunItFromJdk23() {
    ClassLoader empty = new java.net.URLClassLoader(new java.net.URL[0], null);
    assertThatThrownBy(() -> FunctionIndex.load(empty))
        .isInstanceOf(IndexFormatException.class)
        .hasMessageContaining("No function index (META-INF/anyfn/functions.json) on the class path")
        .hasMessageContaining("dev.anyfn:anyfn-processor")
        .hasMessageContaining("From JDK 23")
        .hasMessageContaining("<proc>full</proc>");
  }

  @Test
  void skipsUnknownPropertiesAndAcceptsKindAfterTheOtherTriggerFields() {
    FunctionIndex index =
        read(
            "{\"future\":{\"a\":[1,{\"b\":null}]},"
                + index(
                        handler(
                            "{\"name\":\"q\",\"batchSize\":5,\"kind\":\"QUEUE\",\"extra\":true}",
                            "{\"source\":\"EVENT\",\"type\":\"x.E\",\"note\":[]}"))
                    .substring(1));
    HandlerSpec h = index.functions().get(0).handlers().get(0);
    assertThat(h.trigger()).isEqualTo(new TriggerSpec.Queue("q", 5));
    assertThat(index.functions().get(0).initMethods()).isEmpty();
  }

  @Test
  void rejectsAnotherFormatVersionBeforeReadingTheRest() {
    assertThatThrownBy(() -> read("{\"formatVersion\":2,\"functions\":\"a new shape\"}"))
        .isInstanceOf(IndexFormatException.class)
        .hasMessage(
            "The function index at test.json has format version 2; this anyfn reads version 1."
                + " Use the same anyfn version for anyfn-processor and the runtime.");
  }

  @Test
  void rejectsAMissingFormatVersionAsVersionZero() {
    assertThatThrownBy(() -> read("{\"functions\":[]}"))
        .hasMessageStartingWith("The function index at test.json has format version 0;");
  }

  @Test
  void rejectsTruncatedJsonNamingLineAndColumn() {
    assertThatThrownBy(() -> read("{\"formatVersion\":1,\n\"functions\":[{\"name\":"))
        .isInstanceOf(IndexFormatException.class)
        .hasMessageStartingWith(
            "The function index at test.json is not readable: Unexpected end-of-input")
        .hasMessageContaining("(line 2, column ")
        .hasMessageEndingWith(REBUILD);
  }

  @Test
  void rejectsAnEmptyDocument() {
    assertThatThrownBy(() -> read("  "))
        .hasMessage(
            "The function index at test.json is not readable: the document is empty; expected a"
                + " JSON object"
                + REBUILD);
  }

  @Test
  void rejectsADocumentThatIsNotAnObject() {
    assertThatThrownBy(() -> read("[1]"))
        .hasMessage(
            "The function index at test.json is not readable: the index must be an object but is"
                + " an array (line 1, column 1)"
                + REBUILD);
  }

  @Test
  void rejectsAFieldOfTheWrongType() {
    assertThatThrownBy(() -> read(index("").replace("256", "\"big\"")))
        .hasMessage(
            "The function index at test.json is not readable: 'memoryMb' must be a 32-bit integer"
                + " but is a string (line 1, column 74)"
                + REBUILD);
  }

  @Test
  void rejectsAnUnknownTriggerKindListingTheKnownOnes() {
    assertThatThrownBy(() -> read(index(handler("{\"kind\":\"EMAIL\"}", ""))))
        .hasMessageContaining("is not readable: unknown trigger kind 'EMAIL' (line 1, column ")
        .hasMessageContaining(
            "; expected one of HTTP, QUEUE, TOPIC, STORAGE, SCHEDULE, DATA_CHANGE, INVOKE");
  }

  @Test
  void rejectsAnUnknownReturnKindAndParameterSource() {
    assertThatThrownBy(
            () -> read(index(handler("{\"kind\":\"INVOKE\"}", "").replace("VOID", "STREAM"))))
        .hasMessageContaining("unknown returnKind 'STREAM'")
        .hasMessageContaining("expected one of RESPONSE, JSON, TEXT, BYTES, VOID, BATCH_RESULT");
    assertThatThrownBy(
            () -> read(index(handler("{\"kind\":\"INVOKE\"}", "{\"source\":\"SESSION\"}"))))
        .hasMessageContaining("unknown source 'SESSION'");
  }

  @Test
  void rejectsARecordWithoutItsFields() {
    assertThatThrownBy(
            () ->
                read(
                    index(
                        handler(
                            "{\"kind\":\"INVOKE\"}",
                            "{\"source\":\"RECORD\",\"type\":\"a.Signup\"}"))))
        .hasMessage(
            "The function index at test.json is not readable: a RECORD parameter has no"
                + " 'fields'"
                + REBUILD);
  }

  @Test
  void rejectsAHandlerWithoutTrigger() {
    assertThatThrownBy(() -> read(index(handler("null", ""))))
        .hasMessage(
            "The function index at test.json is not readable: handler 'm' has no 'trigger'"
                + REBUILD);
  }

  @Test
  void rejectsDuplicatePropertiesAndTrailingContent() {
    assertThatThrownBy(() -> read("{\"formatVersion\":1,\"formatVersion\":1,\"functions\":[]}"))
        .hasMessageContaining("is not readable: Duplicate field 'formatVersion' (line 1, column ");
    assertThatThrownBy(() -> read("{\"formatVersion\":1,\"functions\":[]} {}"))
        .hasMessage(
            "The function index at test.json is not readable: found an object after the index"
                + " object (line 1, column 36); expected the end of the document"
                + REBUILD);
  }
}
