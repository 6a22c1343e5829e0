package dev.anyfn.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {
  private static RouteTemplate parse(String path) throws SyntaxProblem {
    return RouteTemplates.parse(path);
  }

  @Test
  void parsesRootAsNoSegments() throws SyntaxProblem {
    assertThat(parse("/").segments()).isEmpty();
  }

  @Test
  void parsesLiteralsParametersAndGreedyParameter() throws SyntaxProblem {
    RouteTemplate template = parse("/users/{id}/files/{path+}");

    assertThat(template.parameterNames()).containsExactly("id", "path");
    assertThat(template.greedyParameter()).contains("path");
    assertThat(template.declares("id")).isTrue();
    assertThat(template.declares("users")).isFalse();
  }

  @Test
  void treatsTemplatesAsSameShapeOnlyWhenEveryPositionMatches() throws SyntaxProblem {
    assertThat(parse("/users/{id}").sameShapeAs(parse("/users/{name}"))).isTrue();
    assertThat(parse("/users/{id}").sameShapeAs(parse("/users/me"))).isFalse();
    assertThat(parse("/users/{id}").sameShapeAs(parse("/people/{id}"))).isFalse();
    assertThat(parse("/users/{id}").sameShapeAs(parse("/users/{id}/x"))).isFalse();
    assertThat(parse("/files/{a+}").sameShapeAs(parse("/files/{b+}"))).isTrue();
    assertThat(parse("/files/{a+}").sameShapeAs(parse("/files/{b}"))).isFalse();
    assertThat(parse("/").sameShapeAs(parse("/"))).isTrue();
  }

  // Found by AnnotationValueFuzzTest: these templates compiled but no request could reach them.
  @Test
  void refusesLiteralsThatNoRequestPathCanCarry() {
    assertThatThrownBy(() -> parse("/files/../secret"))
        .isInstanceOf(SyntaxProblem.class)
        .hasMessage(
            "segment '..' can never match: requests with '.' or '..' segments are refused as path"
                + " traversal");
    assertThatThrownBy(() -> parse("/a/./b")).hasMessageStartingWith("segment '.' can never match");
    assertThatThrownBy(() -> parse("/a\\b"))
        .hasMessage(
            "segment 'a\\b' contains '\\', which no request path can carry (backslashes and NUL are"
                + " refused as path traversal); remove it");
    assertThatThrownBy(() -> parse("/a\u0000b"))
        .hasMessageContaining("segment 'a?b' contains control character U+0000");
  }
}
