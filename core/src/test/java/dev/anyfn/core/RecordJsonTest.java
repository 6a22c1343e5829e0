package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.anyfn.core.records.Shapes;
import dev.anyfn.core.records.Shapes.Chain;
import dev.anyfn.core.records.Shapes.Email;
import dev.anyfn.core.records.Shapes.Nested;
import dev.anyfn.core.records.Shapes.Optionals;
import dev.anyfn.core.records.Shapes.Scalars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordJson} against databind, the runtime's own mapper: what it writes is byte for byte
 * what databind writes, and a value it reads is the one databind reads from the same bytes (where
 * databind would refuse them, or read them another way, it answers MISS and databind decides).
 */
class RecordJsonTest {
  /** The default: unknown fields are skipped. */
  private static final JsonCodec CODEC = JsonCodec.create(RuntimeSettings.builder().build());

  private static final JsonCodec STRICT =
      JsonCodec.create(RuntimeSettings.builder().failOnUnknownProperties(true).build());

  private static final Scalars SCALARS =
      new Scalars("ada", 7, 1L << 40, true, 2.5, -3, 9L, false, 0.1);

  @Test
  void recordsOfScalarsOptionalsAndPlainRecordsArePlain() {
    assertThat(RecordJson.isPlain(Scalars.class)).isTrue();
    assertThat(RecordJson.isPlain(Nested.class)).isTrue();
    assertThat(RecordJson.isPlain(Optionals.class)).isTrue();
    assertThat(RecordJson.isPlain(Chain.class)).isTrue();
    assertThat(RecordJson.isPlain(Email.class)).isTrue();
    assertThat(RecordJson.isPlain(Shapes.Ordered.class)).isTrue();
  }

  @Test
  void recordsDatabindWouldTreatOtherwiseAreLeftToIt() {
    assertThat(
            List.of(
                Shapes.Renamed.class,
                Shapes.WithGetter.class,
                Shapes.Inherits.class,
                Shapes.LenientRecord.class,
                Shapes.Flag.class,
                Shapes.Box.class,
                Shapes.TwoConstructors.class,
                Shapes.WithList.class,
                Shapes.WithEnum.class,
                hidden(),
                Shapes.HoldsRenamed.class,
                Shapes.Bean.class,
                Shapes.Secretive.class,
                Shapes.NamedRecord.class,
                Shapes.Created.class,
                Shapes.PrivateProperty.class,
                Shapes.SelfWriting.class,
                Shapes.Text.class,
                Shapes.Letters.class,
                String.class))
        .allSatisfy(type -> assertThat(RecordJson.isPlain(type)).as(type.getName()).isFalse());
  }

  private static Class<?> hidden() {
    try {
      return Class.forName(Shapes.class.getName() + "$Hidden");
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void writesWhatDatabindWrites() throws IOException {
    List<Object> values =
        List.of(
            SCALARS,
            new Scalars(null, 0, 0, false, -0.0, null, null, null, null),
            new Scalars(
                "\"quoted\" \\ \n\t\u0001 \u00e9 \u2028 \ud83d\ude00 </script>",
                Integer.MIN_VALUE,
                Long.MAX_VALUE,
                false,
                Double.NaN,
                Integer.MAX_VALUE,
                Long.MIN_VALUE,
                true,
                Double.NEGATIVE_INFINITY),
            new Scalars("", -1, -1, true, 1e300, 1, 1L, false, 4.9e-324),
            new Nested("n", SCALARS),
            new Nested(null, null),
            new Optionals(Optional.empty(), Optional.empty(), Optional.empty()),
            new Optionals(Optional.of("x"), Optional.of(5), Optional.of(new Nested("n", null))),
            new Chain("a", new Chain("b", new Chain("c", null))),
            new Email("a@b"));
    RecordJson records =
        new RecordJson(JsonLimits.factory(RuntimeSettings.builder().build()), true);
    for (Object value : values) {
      byte[] plain = records.write(value);
      assertThat(plain).as("%s", value).isNotNull();
      assertThat(new String(plain, StandardCharsets.UTF_8))
          .as("%s", value)
          .isEqualTo(new String(CODEC.writeWithDatabind(value), StandardCharsets.UTF_8));
    }
    assertThat(records.write(new Shapes.WithGetter("a"))).isNull();
    assertThat(new String(CODEC.write(new Shapes.WithGetter("a")), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":\"a\",\"b\":\"ab\"}");
  }

  /**
   * What databind makes of records annotated where a component does not show it, or that implement
   * an interface it treats apart; the codec (which goes to databind for them) agrees.
   */
  @Test
  void recordsAnnotatedOutsideTheirComponentsAreWrittenAndReadAsDatabindDoes() {
    assertThat(text(CODEC.write(new Shapes.Secretive("n", "pin")))).isEqualTo("{\"name\":\"n\"}");
    assertThat(text(CODEC.write(new Shapes.NamedRecord("a")))).isEqualTo("{\"n\":\"a\"}");
    // databind may not call the private method (the mapper does not override access): an error,
    // where the plain path would have dropped the property
    assertThatThrownBy(() -> CODEC.write(new Shapes.PrivateProperty("a")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PrivateProperty")
        .hasMessageContaining("private");
    // left to databind all the same (which writes this one as a bean, having properties)
    assertThat(text(CODEC.write(new Shapes.Letters("ab")))).isEqualTo("{\"a\":\"ab\"}");
    assertThat(text(CODEC.write(new Shapes.SelfWriting("a")))).isEqualTo("\"self:a\"");
    // CharSequence's isEmpty() is a getter to databind
    assertThat(text(CODEC.write(new Shapes.Text("a")))).isEqualTo("{\"a\":\"a\",\"empty\":false}");
    assertThat(databind(CODEC, "{\"x\":\"b\"}", Shapes.Created.class))
        .isEqualTo(new Shapes.Created("b"));
    assertThat(CODEC.readPlainInput(bytes("{\"a\":\"b\"}"), Shapes.Created.class))
        .isSameAs(RecordJson.MISS);
    assertThat(
            CODEC.readPlainInput(
                bytes("{\"name\":\"n\",\"secret\":\"s\"}"), Shapes.Secretive.class))
        .isSameAs(RecordJson.MISS);
  }

  /**
   * A null Optional is written as null, as databind writes it; a component whose value is of
   * another class than declared (heap pollution upstream) is not the plain path's to write: it
   * reports an IOException, never a ClassCastException, and the codec reports the error databind
   * reports.
   */
  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aNullOptionalIsWrittenAsNullAndAMistypedComponentFailsAsInDatabind() throws IOException {
    RecordJson records =
        new RecordJson(JsonLimits.factory(RuntimeSettings.builder().build()), true);
    Optionals nulls = new Optionals(null, null, null);
    assertThat(text(records.write(nulls))).isEqualTo(text(CODEC.writeWithDatabind(nulls)));
    assertThat(text(records.write(nulls))).isEqualTo("{\"s\":null,\"i\":null,\"n\":null}");

    Optionals polluted = new Optionals((Optional) Optional.of(5), Optional.of(1), Optional.empty());
    assertThatThrownBy(() -> records.write(polluted)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> CODEC.write(polluted))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot serialise " + Optionals.class.getName() + " as JSON: ")
        .hasMessageContaining("cannot be cast");
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsTheValueDatabindReadsOrLeavesTheBytesToIt() {
    List<String> plain =
        List.of(
            "{\"s\":\"ada\",\"i\":7,\"l\":1099511627776,\"b\":true,\"d\":2.5,\"bi\":-3,\"bl\":9,"
                + "\"bb\":false,\"bd\":0.1}",
            " {\"bd\":1.0e-3,\"bb\":true,\"bl\":-9223372036854775808,\"bi\":2147483647,"
                + "\"d\":-0.0,\"b\":false,\"l\":5,\"i\":-2147483648,\"s\":\"\\u00e9\\n\"} ");
    List<String> others =
        List.of(
            "{\"s\":\"ada\"}",
            "{\"s\":null,\"i\":7,\"l\":1,\"b\":true,\"d\":2.5,\"bi\":-3,\"bl\":9,\"bb\":false,"
                + "\"bd\":0.1}",
            "{\"s\":\"a\",\"i\":7.0,\"l\":1,\"b\":true,\"d\":2.5,\"bi\":-3,\"bl\":9,\"bb\":false,"
                + "\"bd\":0.1}",
            "{\"s\":\"a\",\"i\":\"7\",\"l\":1,\"b\":true,\"d\":2.5,\"bi\":-3,\"bl\":9,\"bb\":false,"
                + "\"bd\":0.1}",
            "{\"s\":5,\"i\":7,\"l\":1,\"b\":true,\"d\":2.5,\"bi\":-3,\"bl\":9,\"bb\":false,"
                + "\"bd\":0.1}",
            "{\"s\":\"a\",\"i\":2147483648,\"l\":1,\"b\":true,\"d\":2.5,\"bi\":-3,\"bl\":9,"
                + "\"bb\":false,\"bd\":0.1}",
            "{\"s\":\"a\",\"i\":7,\"l\":1,\"b\":true,\"d\":2,\"bi\":-3,\"bl\":9,\"bb\":false,"
                + "\"bd\":0.1}",
            "{\"s\":\"a\",\"s\":\"b\",\"i\":7,\"l\":1,\"b\":true,\"d\":2.5,\"bi\":-3,\"bl\":9,"
                + "\"bb\":false,\"bd\":0.1}",
            "{\"s\":\"a\",\"i\":7,\"l\":1,\"b\":true,\"d\":2.5,\"bi\":-3,\"bl\":9,\"bb\":false,"
                + "\"bd\":0.1} {}",
            "{\"s\":\"a\",\"i\":7,\"l\":1,\"b\":1,\"d\":2.5,\"bi\":-3,\"bl\":9,\"bb\":false,"
                + "\"bd\":0.1}",
            "[]",
            "null",
            "",
            "{",
            "{\"s\":\"a\",\"i\":7,\"l\":1,\"b\":true,\"d\":2.5,\"bi\":-3,\"bl\":9,\"bb\":false,"
                + "\"bd\":0.1");
    for (String json : plain) {
      Object fast = readBoth(CODEC, json, Scalars.class);
      assertThat(fast).as(json).isInstanceOf(Scalars.class);
    }
    for (String json : others) {
      assertThat(readBoth(CODEC, json, Scalars.class)).as(json).isSameAs(RecordJson.MISS);
      assertThat(readBoth(STRICT, json, Scalars.class)).as(json).isSameAs(RecordJson.MISS);
    }
  }

  @Test
  void nestedOptionalAndRecursiveRecordsReadAsDatabindReadsThem() {
    assertThat(readBoth(CODEC, "{\"name\":\"n\",\"inner\":" + json(SCALARS) + "}", Nested.class))
        .isEqualTo(new Nested("n", SCALARS));
    assertThat(readBoth(CODEC, "{\"name\":\"n\",\"inner\":null}", Nested.class))
        .isSameAs(RecordJson.MISS);
    assertThat(
            readBoth(
                CODEC,
                "{\"s\":\"x\",\"i\":5,\"n\":{\"name\":\"n\",\"inner\":" + json(SCALARS) + "}}",
                Optionals.class))
        .isEqualTo(
            new Optionals(Optional.of("x"), Optional.of(5), Optional.of(new Nested("n", SCALARS))));
    assertThat(readBoth(CODEC, "{\"s\":\"x\",\"i\":5}", Optionals.class)).isSameAs(RecordJson.MISS);
    assertThat(
            readBoth(
                CODEC,
                "{\"s\":\"\",\"i\":0,\"n\":{\"name\":\"\",\"inner\":" + json(SCALARS) + "}}",
                Optionals.class))
        .isEqualTo(
            new Optionals(Optional.of(""), Optional.of(0), Optional.of(new Nested("", SCALARS))));
    assertThat(readBoth(CODEC, "{\"value\":\"a\",\"next\":{\"value\":\"b\"}}", Chain.class))
        .isSameAs(RecordJson.MISS);
  }

  @Test
  void aConstructorThatRefusesLeavesTheBytesToDatabind() {
    assertThat(readBoth(CODEC, "{\"address\":\"a@b\"}", Email.class)).isEqualTo(new Email("a@b"));
    assertThat(readBoth(CODEC, "{\"address\":\"ab\"}", Email.class)).isSameAs(RecordJson.MISS);
    assertThat(databind(CODEC, "{\"address\":\"ab\"}", Email.class))
        .isInstanceOf(JsonBodyException.class);
  }

  @Test
  void unknownFieldsAreSkippedOnlyWhereDatabindSkipsThem() {
    String json = "{\"address\":\"a@b\",\"extra\":{\"deep\":[1,{\"x\":null}]}}";
    assertThat(readBoth(CODEC, json, Email.class)).isEqualTo(new Email("a@b"));
    assertThat(readBoth(STRICT, json, Email.class)).isSameAs(RecordJson.MISS);
    assertThat(databind(STRICT, json, Email.class)).isInstanceOf(JsonBodyException.class);
  }

  /**
   * Differential: valid documents mutated at random (fields dropped, repeated, renamed, nulled,
   * given other JSON types or edge numbers, bytes cut or changed); wherever the plain path answers,
   * databind reads the same value; and the plain path answers often enough to be tested.
   */
  @Test
  void mutatedDocumentsNeverReadOtherwiseThanDatabindReadsThem() {
    Random random = new Random(20261128L);
    String[] values = {
      "null",
      "true",
      "false",
      "0",
      "-1",
      "2147483648",
      "-9223372036854775809",
      "1.5",
      "1e3",
      "\"s\"",
      "\"\\u0000\"",
      "[]",
      "{}",
      "\"7\"",
      "00",
      "-",
      "NaN"
    };
    int answered = 0;
    for (int n = 0; n < 4_000; n++) {
      JsonCodec codec = random.nextBoolean() ? CODEC : STRICT;
      Class<?> type = random.nextBoolean() ? Scalars.class : Optionals.class;
      String doc =
          type == Scalars.class
              ? json(SCALARS)
              : "{\"s\":\"x\",\"i\":5,\"n\":{\"name\":\"n\",\"inner\":" + json(SCALARS) + "}}";
      StringBuilder b = new StringBuilder(doc);
      int mutations = random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        int at = random.nextInt(b.length());
        switch (random.nextInt(5)) {
          case 0 -> b.deleteCharAt(at);
          case 1 -> b.insert(at, values[random.nextInt(values.length)]);
          case 2 -> {
            int colon = b.indexOf(":", at);
            int end = colon < 0 ? -1 : nextEnd(b, colon + 1);
            if (end > 0) {
              b.replace(colon + 1, end, values[random.nextInt(values.length)]);
            }
          }
          case 3 -> {
            int comma = b.indexOf(",", at);
            if (comma > 0) {
              b.insert(comma, ",\"" + (random.nextBoolean() ? "s" : "zz") + "\":1");
            }
          }
          default -> b.setCharAt(at, (char) (' ' + random.nextInt(95)));
        }
      }
      if (readBoth(codec, b.toString(), type) != RecordJson.MISS) {
        answered++;
      }
    }
    assertThat(answered).isGreaterThan(1_000);
  }

  private static int nextEnd(StringBuilder b, int from) {
    for (int i = from; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c == ',' || c == '}') {
        return i;
      }
      if (c == '{' || c == '[') {
        return -1;
      }
    }
    return -1;
  }

  private static String json(Object value) {
    return new String(CODEC.writeWithDatabind(value), StandardCharsets.UTF_8);
  }

  /**
   * The plain path's answer, after checking it against databind's: a value the plain path reads
   * must be the value databind reads.
   */
  private static Object readBoth(JsonCodec codec, String json, Class<?> type) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    Object fast = codec.readPlainInput(bytes, type);
    if (fast != RecordJson.MISS) {
      assertThat(databind(codec, json, type)).as(json).isEqualTo(fast);
    }
    return fast;
  }

  /** What databind reads, or the exception it throws. */
  private static Object databind(JsonCodec codec, String json, Class<?> type) {
    ObjectReader reader = codec.inputReaderFor(codec.typeFactory().constructType(type));
    try {
      return codec.read(reader, json.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return e;
    }
  }
}
