package dev.anyfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTest {
  @Test
  void forEachVisitsEveryValueInOrderWithTheFirstSpellingOfItsName() {
    Headers h =
        Headers.builder()
            .add("Set-Cookie", "a=1")
            .add("Content-Type", "text/plain")
            .add("set-cookie", "b=2")
            .build();
    List<String> seen = new java.util.ArrayList<>();

    h.forEach((name, value) -> seen.add(name + ": " + value));

    assertThat(seen)
        .containsExactly("Set-Cookie: a=1", "Set-Cookie: b=2", "Content-Type: text/plain");
  }

  @Test
  void namesAreCaseInsensitiveAndValuesKeepTheirOrder() {
    Headers h = Headers.builder().add("X-Tag", "a").add("x-tag", "b").add("Accept", "*/*").build();
    assertThat(h.all("X-TAG")).containsExactly("a", "b");
    assertThat(h.first("x-tag")).hasValue("a");
    assertThat(h.names()).containsExactly("X-Tag", "Accept");
    assertThat(h.first("missing")).isEmpty();
  }

  @Test
  void namesMatchIgnoringAsciiCaseOnlyAsRfc9110ComparesThem() {
    Headers h =
        Headers.builder().add("Set-Cookie", "a=1").add("X-Key", "k").add("X-^", "b").build();

    assertThat(h.first("SET-cookie")).hasValue("a=1");
    // Java's equalsIgnoreCase folds these into ASCII letters; a field name never does.
    assertThat(h.first("\u017Fet-Cookie")).isEmpty(); // LATIN SMALL LETTER LONG S
    assertThat(h.first("X-\u212Aey")).isEmpty(); // KELVIN SIGN
    // '^' and '~' differ in the case bit, but only letters have a case
    assertThat(h.first("x-~")).isEmpty();
    assertThat(h.first("x-^")).hasValue("b");
    assertThat(h.contains(null)).isFalse();
  }

  @Test
  void setReplacesEveryValue() {
    Headers h = Headers.builder().add("A", "1").add("a", "2").set("A", "3").build();
    assertThat(h.all("a")).containsExactly("3");
  }

  @Test
  void crLfInAValueIsRejectedNamingTheHeader() {
    assertThatThrownBy(() -> Headers.builder().add("X-Evil", "a\r\nSet-Cookie: x=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Header 'X-Evil' has control character 0xd in its value; CR, LF and NUL are rejected to"
                + " prevent response splitting.");
  }

  @Test
  void nonTokenNameIsRejected() {
    assertThatThrownBy(() -> Headers.builder().add("Bad Name", "v"))
        .hasMessage(
            "Header name 'Bad Name' contains character 0x20; header names must be RFC 9110 tokens.");
  }

  @Test
  void tabIsAllowedInValues() {
    assertThat(Headers.builder().add("X", "a\tb").build().first("x")).hasValue("a\tb");
  }

  @Test
  void setMovesTheNameToTheEndWithItsNewSpellingAndRemoveDropsEveryValue() {
    Headers h =
        Headers.builder()
            .add("Content-Type", "a")
            .add("X-One", "1")
            .set("content-type", "b")
            .add("X-Two", "2")
            .remove("x-ONE")
            .build();
    assertThat(h.asMap())
        .containsExactly(entry("content-type", List.of("b")), entry("X-Two", List.of("2")));
    assertThat(h.contains("X-One")).isFalse();
  }

  @Test
  void equalityIgnoresNameCaseAndNameOrderButNotValueOrder() {
    Headers a = Headers.builder().add("A", "1").add("A", "2").add("B", "3").build();
    Headers b = Headers.builder().add("b", "3").add("a", "1").add("a", "2").build();
    Headers c = Headers.builder().add("A", "2").add("A", "1").add("B", "3").build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
  }

  @Test
  void builtHeadersDoNotChangeWhenTheBuilderOrAToBuilderCopyDoes() {
    Headers.Builder builder = Headers.builder().add("A", "1");
    Headers built = builder.build();
    builder.add("A", "2").add("B", "3");
    Headers.Builder copy = built.toBuilder().add("A", "4");
    assertThat(built.all("a")).containsExactly("1");
    assertThat(copy.build().all("a")).containsExactly("1", "4");
    assertThat(builder.build().all("a")).containsExactly("1", "2");
    assertThatThrownBy(() -> built.all("a").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nonAsciiNameIsRejected() {
    assertThatThrownBy(() -> Headers.builder().add("X-\u00e9", "v"))
        .hasMessage(
            "Header name 'X-\u00e9' contains character 0xe9; header names must be RFC 9110 tokens.");
  }

  @Test
  void everyControlCharacterButTabIsRejectedInAValue() {
    for (String bad : List.of("a\rb", "a\nb", "a\u0000b", "a\u001fb", "a\u007fb", "\n")) {
      assertThatThrownBy(() -> Headers.builder().add("X", bad), bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Header 'X' has control character 0x");
    }
    assertThatThrownBy(() -> Headers.builder().add("X", "ok").set("X", "a\nb"))
        .hasMessage(
            "Header 'X' has control character 0xa in its value; CR, LF and NUL are rejected to"
                + " prevent response splitting.");
  }

  @Test
  void emptyOrNullNamesAndNullValuesAreRejected() {
    assertThatThrownBy(() -> Headers.builder().add("", "v"))
        .hasMessage("Header name is empty; expected an RFC 9110 token.");
    assertThatThrownBy(() -> Headers.builder().add(null, "v"))
        .hasMessage("Header name is empty; expected an RFC 9110 token.");
    assertThatThrownBy(() -> Headers.builder().add("X-A", null))
        .hasMessage("Header 'X-A' has a null value.");
  }

  @Test
  void everyTokenCharacterIsAcceptedInANameAndSeparatorsAreNot() {
    String token = "!#$%&'*+-.^_`|~09azAZ";
    assertThat(Headers.builder().add(token, "v").build().first(token)).hasValue("v");
    for (char c : "\"(),/:;<=>?@[\\]{} \t\u007f".toCharArray()) {
      assertThatThrownBy(() -> Headers.builder().add("X" + c, "v"), "0x" + Integer.toHexString(c))
          .hasMessageEndingWith(
              "contains character 0x"
                  + Integer.toHexString(c)
                  + "; header names must be RFC 9110 tokens.");
    }
  }

  @Test
  void aRefusedHeaderLeavesTheBuilderAsItWas() {
    Headers.Builder b = Headers.builder().add("A", "1");
    assertThatThrownBy(() -> b.add("A", "2\r\n")).isInstanceOf(IllegalArgumentException.class);
    assertThat(b.build().all("a")).containsExactly("1");
  }

  @Test
  void manyNamesAndRepeatedValuesKeepTheirOrder() {
    Headers.Builder b = Headers.builder();
    for (int i = 0; i < 20; i++) {
      b.add("X-" + i, "v" + i);
    }
    b.add("x-3", "second").add("X-3", "third");
    Headers h = b.build();
    assertThat(h.names()).hasSize(20).startsWith("X-0", "X-1").endsWith("X-19");
    assertThat(h.all("X-3")).containsExactly("v3", "second", "third");
    assertThat(h.all("x-19")).containsExactly("v19");
    assertThat(h.first("X-3")).hasValue("v3");
    assertThat(h.asMap().get("X-7")).containsExactly("v7");
  }

  @Test
  void valuesListsAreUnmodifiableForOneValueAndForSeveral() {
    Headers h = Headers.builder().add("One", "1").add("Two", "a").add("two", "b").build();
    assertThatThrownBy(() -> h.all("one").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.all("two").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.asMap().get("One").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void changingABuilderAfterBuildOrAToBuilderCopyNeverChangesBuiltHeaders() {
    Headers.Builder builder = Headers.builder().add("A", "1").add("B", "2").add("C", "3");
    Headers first = builder.build();
    builder.remove("a").set("B", "two").add("C", "4");
    Headers second = builder.build();
    builder.add("D", "5").remove("C");

    assertThat(first.asMap())
        .containsExactly(
            entry("A", List.of("1")), entry("B", List.of("2")), entry("C", List.of("3")));
    assertThat(second.asMap())
        .containsExactly(entry("C", List.of("3", "4")), entry("B", List.of("two")));
    assertThat(builder.build().asMap())
        .containsExactly(entry("B", List.of("two")), entry("D", List.of("5")));

    Headers.Builder copy = first.toBuilder().remove("B").set("A", "x");
    assertThat(copy.build().asMap())
        .containsExactly(entry("C", List.of("3")), entry("A", List.of("x")));
    assertThat(first.asMap()).containsOnlyKeys("A", "B", "C");
    assertThat(first.first("a")).hasValue("1");
  }

  @Test
  void namesAlikeInLengthAndEndsStayDistinctAndCaseVariantsStillMerge() {
    // Same length, same first and last letters: the builder's quick check cannot tell them apart.
    Headers.Builder b = Headers.builder().add("X-Ab", "1").add("X-Cb", "2").add("x-ab", "3");
    assertThat(b.build().asMap())
        .containsExactly(entry("X-Ab", List.of("1", "3")), entry("X-Cb", List.of("2")));
    b.remove("X-AB").add("x-aB", "4");
    assertThat(b.build().asMap())
        .containsExactly(entry("X-Cb", List.of("2")), entry("x-aB", List.of("4")));
    Headers copied = b.build().toBuilder().add("X-CB", "5").build();
    assertThat(copied.all("x-cb")).containsExactly("2", "5");
    assertThat(copied.names()).containsExactly("X-Cb", "x-aB");
  }
}
