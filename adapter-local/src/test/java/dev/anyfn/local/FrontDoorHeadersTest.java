package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.Headers;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/**
 * Which of a request's header fields reach a function, and how, when the header model refuses some
 * of them. Jetty's parser refuses such fields itself (ProviderFidelityTest); these are what the
 * front door does should one pass it.
 */
class FrontDoorHeadersTest {
  private static final String DEL = "\u007f";

  private static Headers routed(Profile profile, String... namesAndValues) {
    HttpFields.Mutable fields = HttpFields.build();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return FrontDoorHeaders.of(profile, fields);
  }

  @Test
  void underAwsAndAzureARepeatedHeadersValueWithAControlCharacterIsDroppedAndTheOthersJoined() {
    for (Profile profile : List.of(Profile.AWS, Profile.AZURE)) {
      assertThat(
              routed(profile, "X-Trace", "a", "X-Trace", "b" + DEL, "x-trace", "c", "X-Other", "d")
                  .asMap())
          .as("under %s", profile)
          .containsExactly(
              Map.entry("x-trace", List.of("a,c")), Map.entry("x-other", List.of("d")));
    }
  }

  @Test
  void underGcpARepeatedHeadersValueWithAControlCharacterIsDroppedAndTheOthersKept() {
    assertThat(routed(Profile.GCP, "X-Trace", "a", "X-Trace", "b" + DEL, "X-Trace", "c").asMap())
        .containsExactly(Map.entry("X-Trace", List.of("a", "c")));
  }

  @Test
  void aHeaderWhoseFirstValueIsDroppedComesWhereItsFirstKeptValueCame() {
    assertThat(routed(Profile.AWS, "X-Trace", DEL, "X-Other", "d", "X-Trace", "c").names())
        .containsExactly("x-other", "x-trace");
  }

  @Test
  void aHeaderWhoseEveryValueIsRefusedIsAbsent() {
    assertThat(
            routed(Profile.AZURE, "X-Trace", "a" + DEL, "X-Trace", "\u0001", "X-Other", "d")
                .asMap())
        .containsExactly(Map.entry("x-other", List.of("d")));
  }

  @Test
  void underAwsACookieHeaderWithAControlCharacterIsDroppedWholeEvenWhereTrimmingWouldHideIt() {
    // "t=2;\u0001" split and trimmed would leave "t=2" and an empty cookie, both acceptable
    assertThat(routed(Profile.AWS, "Cookie", "s=1", "Cookie", "t=2;\u0001", "X-Other", "d").asMap())
        .containsExactly(Map.entry("x-other", List.of("d")), Map.entry("Cookie", List.of("s=1")));
  }

  @Test
  void aNameThatIsNoTokenIsDropped() {
    assertThat(routed(Profile.AWS, "X(T", "b", "X-Other", "d").asMap())
        .containsExactly(Map.entry("x-other", List.of("d")));
  }

  @Test
  void aNameThatIsNoTokenIsDroppedEvenWhenItsLowerCaseWouldBeOne() {
    // U+212A (Kelvin sign) lower-cases to an ASCII k
    assertThat(routed(Profile.AWS, "X-\u212A", "a", "X-Other", "d").asMap())
        .containsExactly(Map.entry("x-other", List.of("d")));
  }

  @Test
  void underAwsCookiesFromEveryCookieHeaderComeLastInOneCookieHeader() {
    assertThat(
            routed(Profile.AWS, "Cookie", "s=1; theme=dark", "X-Trace", "a", "cookie", " t=2 ;;")
                .asMap())
        .containsExactly(
            Map.entry("x-trace", List.of("a")),
            Map.entry("Cookie", List.of("s=1; theme=dark; t=2")));
  }
}
