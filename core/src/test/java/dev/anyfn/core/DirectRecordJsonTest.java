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
 * The byte paths of plain records alone, against databind: every document {@link
 * DirectRecordReader} reads is read as databind reads it, every value {@link DirectRecordWriter}
 * writes is written byte for byte as databind writes it, and everything outside their case (escapes
 * on reading, limits, non-finite doubles) is left to jackson-core rather than guessed.
 */
class DirectRecordJsonTest {
  private static final JsonCodec CODEC = JsonCodec.create(RuntimeSettings.builder().build());
  private static final DirectRecordReader READER = new DirectRecordReader(1_000_000, 1_000);
  private static final String WHITESPACE = " \t\r\n";

  @Test
  void readsGeneratedPlainDocumentsAsDatabindReadsThem() {
    Random random = new Random(20261129L);
    for (int n = 0; n < 3_000; n++) {
      Scalars value = randomScalars(random);
      String json =
          spaced(new String(CODEC.writeWithDatabind(value), StandardCharsets.UTF_8), random);
      Object read = READER.read(bytes(json), shape(Scalars.class));
      assertThat(read).as(json).isEqualTo(value).isEqualTo(databind(json, Scalars.class));
    }
  }

  @Test
  void readsNumbersInEveryFormJsonAllowsAsDatabindDoes() {
    for (String d :
        List.of("1.5", "-0.0", "1e3", "1E+3", "2.5e-3", "0.1", "-12.75E2", "4.9e-324")) {
      for (String i : List.of("0", "-0", "7", "-2147483648", "2147483647")) {
        for (String l : List.of("0", "-9223372036854775808", "9223372036854775807", "-1")) {
          String json =
              "{\"s\":\"x\",\"i\":%s,\"l\":%s,\"b\":true,\"d\":%s,\"bi\":%s,\"bl\":%s,\"bb\":false,\"bd\":%s}"
                  .formatted(i, l, d, i, l, d);
          Object read = READER.read(bytes(json), shape(Scalars.class));
          assertThat(read).as(json).isInstanceOf(Scalars.class);
          assertThat(read).as(json).isEqualTo(databind(json, Scalars.class));
        }
      }
    }
  }

  @Test
  void readsNestedAndOptionalRecordsAsDatabindDoes() {
    String scalars =
        "{\"s\":\"a\",\"i\":1,\"l\":2,\"b\":true,\"d\":0.5,\"bi\":3,\"bl\":4,\"bb\":false,\"bd\":1e0}";
    for (String json :
        List.of(
            "{\"name\":\"n\",\"inner\":" + scalars + "}",
            "{\"inner\":" + scalars + ",\"name\":\"\"}",
            "{\"s\":\"x\",\"i\":5,\"n\":{\"name\":\"n\",\"inner\":" + scalars + "}}")) {
      Class<?> type = json.startsWith("{\"s\"") ? Optionals.class : Nested.class;
      Object read = READER.read(bytes(json), shape(type));
      assertThat(read).as(json).isInstanceOf(type).isEqualTo(databind(json, type));
    }
    assertThat(
            READER.read(
                bytes("{\"s\":\"x\",\"i\":5,\"n\":{\"name\":\"n\",\"inner\":" + scalars + "}}"),
                shape(Optionals.class)))
        .isEqualTo(
            new Optionals(
                Optional.of("x"),
                Optional.of(5),
                Optional.of(
                    new Nested("n", new Scalars("a", 1, 2, true, 0.5, 3, 4L, false, 1.0)))));
  }

  @Test
  void readsStringsOfWellFormedUtf8AsDatabindReadsThem() {
    List<String> edges =
        List.of(
            "\u00e9",
            "Jos\u00e9",
            "\u0080",
            "\u07ff",
            "\u0800",
            "\ud7ff",
            "\ue000",
            "\u2028",
            "\ufffe",
            "\uffff",
            "\ud83d\ude00",
            "\udbff\udfff",
            "\u65e5\u672c\u8a9e",
            "\u007e");
    Random random = new Random(20261201L);
    List<String> strings = new java.util.ArrayList<>(edges);
    for (int n = 0; n < 3_000; n++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(16);
      while (b.length() < length) {
        switch (random.nextInt(4)) {
          case 0 -> b.append((char) (0x80 + random.nextInt(0x780))); // two UTF-8 bytes
          case 1 -> b.append((char) (0x800 + random.nextInt(0xd800 - 0x800))); // three
          case 2 -> b.append((char) (0xe000 + random.nextInt(0x10000 - 0xe000))); // three
          default -> b.appendCodePoint(0x10000 + random.nextInt(0x100000)); // four
        }
        b.append(asciiString(random));
      }
      strings.add(b.toString());
    }
    for (String text : strings) {
      Nested value = new Nested(text, new Scalars(text + "!", 1, 2, true, 0.5, 3, 4L, false, 1.0));
      // by hand: databind escapes a character beyond U+FFFF, and senders mostly do not
      String json =
          "{\"name\":\"%s\",\"inner\":{\"s\":\"%s!\",\"i\":1,\"l\":2,\"b\":true,\"d\":0.5,\"bi\":3,\"bl\":4,\"bb\":false,\"bd\":1.0}}"
              .formatted(text, text);
      Object read = READER.read(bytes(json), shape(Nested.class));
      assertThat(read).as(json).isEqualTo(value).isEqualTo(databind(json, Nested.class));
    }
  }

  /**
   * Byte sequences that are not well-formed UTF-8 are left to jackson-core, which refuses some and
   * reads others in its own way; decoding them here could only guess.
   */
  @Test
  void leavesEveryMalformedUtf8SequenceToJacksonCore() {
    int[][] malformed = {
      {0x80}, // a continuation byte alone
      {0xbf},
      {0xc0, 0x80}, // overlong NUL
      {0xc1, 0xbf}, // overlong
      {0xc3}, // cut short by the closing quote
      {0xc3, 0x28}, // not a continuation byte
      {0xe0, 0x80, 0x80}, // overlong
      {0xe0, 0x9f, 0xbf},
      {0xed, 0xa0, 0x80}, // a high surrogate
      {0xed, 0xbf, 0xbf}, // a low surrogate
      {0xe2, 0x82}, // cut short
      {0xe2, 0x28, 0xa1},
      {0xf0, 0x80, 0x80, 0x80}, // overlong
      {0xf0, 0x8f, 0xbf, 0xbf},
      {0xf4, 0x90, 0x80, 0x80}, // beyond U+10FFFF
      {0xf0, 0x9f, 0x98}, // cut short
      {0xf0, 0x9f, 0x28, 0x80},
      {0xf5, 0x80, 0x80, 0x80},
      {0xf8, 0x88, 0x80, 0x80, 0x80},
      {0xfe},
      {0xff}
    };
    String rest =
        ",\"i\":7,\"l\":1,\"b\":true,\"d\":2.5,\"bi\":-3,\"bl\":9,\"bb\":false,\"bd\":0.1}";
    for (int[] sequence : malformed) {
      java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
      json.writeBytes(bytes("{\"s\":\"a"));
      for (int b : sequence) {
        json.write(b);
      }
      json.writeBytes(bytes("b\"" + rest));
      assertThat(READER.read(json.toByteArray(), shape(Scalars.class)))
          .as(java.util.Arrays.toString(sequence))
          .isSameAs(RecordJson.MISS);
    }
    // at the very end of the bytes, where a sequence's length would run past them
    byte[] cut = bytes("{\"s\":\"\u00e9");
    assertThat(READER.read(java.util.Arrays.copyOf(cut, cut.length - 1), shape(Scalars.class)))
        .isSameAs(RecordJson.MISS);
    // names stay printable ASCII: a name beyond it is no component's
    assertThat(READER.read(bytes("{\"s\u00e9\":\"a\"" + rest), shape(Scalars.class)))
        .isSameAs(RecordJson.MISS);
  }

  /**
   * Each of these is outside the case: a MISS here, and RecordJson's jackson-core path or databind
   * decides (some are read, some refused).
   */
  @Test
  void leavesEveryDocumentOutsideItsCaseToJacksonCore() {
    String rest = "\"b\":true,\"d\":2.5,\"bi\":-3,\"bl\":9,\"bb\":false,\"bd\":0.1";
    List<String> others =
        List.of(
            "{\"s\":\"\\n\",\"i\":7,\"l\":1," + rest + "}", // an escape
            "{\"s\":\"\u0001\",\"i\":7,\"l\":1," + rest + "}", // a control character
            "{\"s\":\"\u007f\",\"i\":7,\"l\":1," + rest + "}", // DEL
            "\ufeff{\"s\":\"a\",\"i\":7,\"l\":1," + rest + "}", // a byte order mark
            "{\"s\":null,\"i\":7,\"l\":1," + rest + "}",
            "{\"s\":\"a\",\"i\":07,\"l\":1," + rest + "}",
            "{\"s\":\"a\",\"i\":7.0,\"l\":1," + rest + "}",
            "{\"s\":\"a\",\"i\":7e0,\"l\":1," + rest + "}",
            "{\"s\":\"a\",\"i\":2147483648,\"l\":1," + rest + "}",
            "{\"s\":\"a\",\"i\":-2147483649,\"l\":1," + rest + "}",
            "{\"s\":\"a\",\"i\":7,\"l\":9223372036854775808," + rest + "}",
            "{\"s\":\"a\",\"i\":7,\"l\":-9223372036854775809," + rest + "}",
            "{\"s\":\"a\",\"i\":7,\"l\":10000000000000000000," + rest + "}",
            "{\"s\":\"a\",\"i\":-,\"l\":1," + rest + "}",
            "{\"s\":\"a\",\"i\":+7,\"l\":1," + rest + "}",
            "{\"s\":\"a\",\"i\":7,\"l\":1,\"b\":true,\"d\":2,\"bi\":-3,\"bl\":9,\"bb\":false,\"bd\":0.1}",
            "{\"s\":\"a\",\"i\":7,\"l\":1,\"b\":true,\"d\":1e999,\"bi\":-3,\"bl\":9,\"bb\":false,\"bd\":0.1}",
            "{\"s\":\"a\",\"i\":7,\"l\":1,\"b\":true,\"d\":.5,\"bi\":-3,\"bl\":9,\"bb\":false,\"bd\":0.1}",
            "{\"s\":\"a\",\"i\":7,\"l\":1,\"b\":true,\"d\":5.,\"bi\":-3,\"bl\":9,\"bb\":false,\"bd\":0.1}",
            "{\"s\":\"a\",\"i\":7,\"l\":1,\"b\":true,\"d\":1e,\"bi\":-3,\"bl\":9,\"bb\":false,\"bd\":0.1}",
            "{\"s\":\"a\",\"i\":7,\"l\":1,\"b\":tru,\"d\":2.5,\"bi\":-3,\"bl\":9,\"bb\":false,\"bd\":0.1}",
            "{\"s\":\"a\",\"i\":7,\"l\":1,\"b\":truex,\"d\":2.5,\"bi\":-3,\"bl\":9,\"bb\":false,\"bd\":0.1}",
            "{\"s\":\"a\",\"s\":\"b\",\"i\":7,\"l\":1," + rest + "}", // a repeated name
            "{\"s\":\"a\",\"x\":1,\"i\":7,\"l\":1," + rest + "}", // an unknown name
            "{\"s\":\"a\",\"i\":7,\"l\":1," + rest + ",}",
            "{\"s\":\"a\",\"i\":7,\"l\":1," + rest + "} x",
            "{\"s\":\"a\",\"i\":7,\"l\":1," + rest + "}{}",
            "{\"s\":\"a\",\"i\":7,\"l\":1," + rest,
            "{\"s\":\"a\",\"i\":7,\"l\":1}",
            "{\"s\" \"a\",\"i\":7,\"l\":1," + rest + "}",
            "{\"s\":\"a\";\"i\":7,\"l\":1," + rest + "}",
            "{\"s\":\"a\",\"i\":7,\"l\":1 " + rest + "}",
            "[]",
            "null",
            "",
            "   ");
    for (String json : others) {
      assertThat(READER.read(bytes(json), shape(Scalars.class))).as(json).isSameAs(RecordJson.MISS);
    }
    // a byte that is not whitespace after the document, read as a signed byte, is not the end
    byte[] trailing = bytes("{\"s\":\"a\",\"i\":7,\"l\":1," + rest + "} ");
    trailing[trailing.length - 1] = (byte) 0xff;
    assertThat(READER.read(trailing, shape(Scalars.class))).isSameAs(RecordJson.MISS);
  }

  @Test
  void documentsBeyondTheFactorysLimitsAreLeftToJacksonCore() {
    String chain =
        "{\"value\":\"a\",\"next\":{\"value\":\"b\",\"next\":{\"value\":\"c\",\"next\":null}}}";
    assertThat(new DirectRecordReader(1_000, 3).read(bytes(chain), shape(Chain.class)))
        .isSameAs(RecordJson.MISS); // null ends the chain: not the case either way
    String nested =
        "{\"name\":\"n\",\"inner\":{\"s\":\"a\",\"i\":1,\"l\":2,\"b\":true,\"d\":0.5,"
            + "\"bi\":3,\"bl\":4,\"bb\":false,\"bd\":1.0}}";
    assertThat(new DirectRecordReader(1_000, 3).read(bytes(nested), shape(Nested.class)))
        .isInstanceOf(Nested.class);
    assertThat(new DirectRecordReader(1_000, 2).read(bytes(nested), shape(Nested.class)))
        .isSameAs(RecordJson.MISS);
    assertThat(
            new DirectRecordReader(nested.length() - 1, 10)
                .read(bytes(nested), shape(Nested.class)))
        .isSameAs(RecordJson.MISS);
    // and the runtime's own limits hold through the whole codec
    JsonCodec shallow = JsonCodec.create(RuntimeSettings.builder().maxJsonDepth(1).build());
    assertThat(shallow.readPlainInput(bytes(nested), Nested.class)).isSameAs(RecordJson.MISS);
  }

  @Test
  void aConstructorThatRefusesIsAMissAndAnAccessorThatThrowsIsReported() {
    assertThat(READER.read(bytes("{\"address\":\"a@b\"}"), shape(Email.class)))
        .isEqualTo(new Email("a@b"));
    assertThat(READER.read(bytes("{\"address\":\"ab\"}"), shape(Email.class)))
        .isSameAs(RecordJson.MISS);
    assertThatThrownBy(
            () ->
                DirectRecordWriter.write(new Shapes.Exploding("x"), shape(Shapes.Exploding.class)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'a'")
        .hasRootCauseMessage("no a today");
  }

  @Test
  void writesGeneratedValuesByteForByteAsDatabind() throws IOException {
    Random random = new Random(20261130L);
    for (int n = 0; n < 3_000; n++) {
      Scalars scalars = randomScalars(random);
      Object value =
          switch (n % 3) {
            case 0 -> scalars;
            case 1 -> new Nested(random.nextBoolean() ? null : asciiString(random), scalars);
            default ->
                new Optionals(
                    random.nextBoolean() ? Optional.empty() : Optional.of(asciiString(random)),
                    random.nextBoolean() ? Optional.empty() : Optional.of(random.nextInt()),
                    Optional.of(new Nested("n", scalars)));
          };
      byte[] written = DirectRecordWriter.write(value, shape(value.getClass()));
      assertThat(written).as("%s", value).isNotNull();
      assertThat(new String(written, StandardCharsets.UTF_8))
          .as("%s", value)
          .isEqualTo(new String(CODEC.writeWithDatabind(value), StandardCharsets.UTF_8));
    }
    Chain deep = null;
    for (int i = 0; i < 40; i++) {
      deep = new Chain("c" + i, deep);
    }
    assertThat(
            new String(DirectRecordWriter.write(deep, shape(Chain.class)), StandardCharsets.UTF_8))
        .isEqualTo(new String(CODEC.writeWithDatabind(deep), StandardCharsets.UTF_8));
  }

  @Test
  void writesAnyStringEscapedAndEncodedByteForByteAsDatabind() throws IOException {
    for (String s :
        List.of(
            "\"",
            "\\",
            "\n",
            "\r\t\b\f",
            "\u0000",
            "\u0001\u001f",
            "\u007f",
            "\u00e9",
            "\u07ff",
            "\u0800",
            "\u2028",
            "\uffff",
            "\ud83d\ude00",
            "</script>",
            "a\"b\\c")) {
      assertWrittenAsDatabindWrites(new Scalars("x" + s + "y", 1, 2, true, 0.5, 3, 4L, false, 1.0));
    }
    Random random = new Random(20261131L);
    for (int n = 0; n < 3_000; n++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(16);
      while (b.length() < length) {
        switch (random.nextInt(6)) {
          case 0 -> b.append((char) random.nextInt(0x20)); // control
          case 1 -> b.append("\"\\\u007f".charAt(random.nextInt(3)));
          case 2 -> b.append((char) (0x80 + random.nextInt(0x780))); // two UTF-8 bytes
          case 3 -> b.append((char) (0x800 + random.nextInt(0xd800 - 0x800))); // three
          case 4 -> b.appendCodePoint(0x10000 + random.nextInt(0x100000)); // a surrogate pair
          default -> b.append((char) (0x20 + random.nextInt(0x5f)));
        }
      }
      assertWrittenAsDatabindWrites(
          new Nested(
              b.toString(),
              new Scalars(b.reverse().toString(), 1, 2, true, 0.5, 3, 4L, false, 1.0)));
    }
  }

  /**
   * A non-finite double and deep nesting are left to jackson-core; a lone surrogate is written as
   * jackson-core writes it (escaped).
   */
  @Test
  void leavesValuesItCannotWriteAsJacksonCoreDoesToJacksonCore() throws IOException {
    Scalars base = new Scalars("a", 1, 2, true, 0.5, 3, 4L, false, 1.0);
    for (String s : List.of("\ud83d", "\ude00", "\ud83dx", "x\ude00\ud83d")) {
      assertWrittenAsDatabindWrites(new Scalars("x" + s, 1, 2, true, 0.5, 3, 4L, false, 1.0));
    }
    for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      Scalars value = new Scalars("a", 1, 2, true, d, 3, 4L, false, 1.0);
      assertThat(DirectRecordWriter.write(value, shape(Scalars.class))).isNull();
      assertThat(new String(CODEC.write(value), StandardCharsets.UTF_8))
          .isEqualTo(new String(CODEC.writeWithDatabind(value), StandardCharsets.UTF_8));
    }
    Chain deep = null;
    for (int i = 0; i < 100; i++) {
      deep = new Chain("c", deep);
    }
    assertThat(DirectRecordWriter.write(deep, shape(Chain.class))).isNull();
    assertThat(DirectRecordWriter.write(base, shape(Scalars.class))).isNotNull();
  }

  private static void assertWrittenAsDatabindWrites(Object value) throws IOException {
    byte[] written = DirectRecordWriter.write(value, shape(value.getClass()));
    assertThat(written).as("%s", value).isNotNull();
    assertThat(written).as("%s", value).isEqualTo(CODEC.writeWithDatabind(value));
  }

  private static Scalars randomScalars(Random random) {
    return new Scalars(
        asciiString(random),
        edge(random, random.nextInt(), Integer.MIN_VALUE, Integer.MAX_VALUE),
        edge(random, random.nextLong(), Long.MIN_VALUE, Long.MAX_VALUE),
        random.nextBoolean(),
        randomDouble(random),
        edge(random, random.nextInt(100) - 50, 0, -1),
        edge(random, random.nextLong() >> random.nextInt(64), 0L, 1L),
        random.nextBoolean(),
        randomDouble(random));
  }

  private static <T> T edge(Random random, T usual, T low, T high) {
    return switch (random.nextInt(10)) {
      case 0 -> low;
      case 1 -> high;
      default -> usual;
    };
  }

  private static double randomDouble(Random random) {
    double d;
    do {
      d =
          switch (random.nextInt(4)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextInt(1000) / 8.0;
            case 2 -> -random.nextDouble();
            default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
          };
    } while (!Double.isFinite(d));
    return d;
  }

  /** Printable ASCII but " and \, which JSON writes as they are. */
  private static String asciiString(Random random) {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(12);
    while (b.length() < length) {
      char c = (char) (0x20 + random.nextInt(0x7f - 0x20));
      if (c != '"' && c != '\\') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** JSON whitespace added at random between the tokens of a compact document. */
  private static String spaced(String json, Random random) {
    StringBuilder b = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean structural = !inString && "{}:,".indexOf(c) >= 0;
      if (structural && random.nextInt(4) == 0) {
        b.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
      }
      b.append(c);
      if (structural && random.nextInt(4) == 0) {
        b.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
      }
      if (c == '"') {
        inString = !inString;
      }
    }
    return b.toString();
  }

  private static RecordJson.Shape shape(Class<?> type) {
    return RecordJson.SHAPES.get(type).orElseThrow();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static Object databind(String json, Class<?> type) {
    ObjectReader reader = CODEC.inputReaderFor(CODEC.typeFactory().constructType(type));
    return CODEC.read(reader, bytes(json));
  }
}
