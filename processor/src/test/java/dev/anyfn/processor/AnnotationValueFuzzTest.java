package dev.anyfn.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.anyfn.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the annotation values the processor parses, which a typo or a paste can make anything: a
 * value is accepted or refused with a {@link SyntaxProblem} (a compile error that says what is
 * wrong), never another exception out of javac; and an accepted route can be called, that is some
 * request path decodes to its literal segments. Under {@code mvn test} this runs the saved inputs
 * in {@code src/test/resources/dev/anyfn/processor/AnnotationValueFuzzTestInputs}; {@code
 * fuzz/run.sh} fuzzes them.
 */
class AnnotationValueFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void aRouteTemplateIsRefusedOrSomeRequestMatchesIt(byte[] input) {
    String template = new String(input, StandardCharsets.UTF_8);
    RouteTemplate parsed;
    try {
      parsed = RouteTemplates.parse(template);
    } catch (SyntaxProblem e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    StringBuilder path = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (RouteTemplate.Segment s : parsed.segments()) {
      String text = s.parameter() ? "x" : s.text();
      expected.add(text);
      path.append('/').append(URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    List<String> decoded =
        HttpRequest.builder()
            .rawPath(path.length() == 0 ? "/" : path.toString())
            .build()
            .pathSegments();
    assertThat(decoded).as("route %s called as %s", template, path).isEqualTo(expected);
  }

  @FuzzTest(maxDuration = "60s")
  void aCronIsCheckedWithoutAnythingButASyntaxProblem(byte[] input) {
    String cron = new String(input, StandardCharsets.UTF_8);
    try {
      CronExpressions.check(cron);
    } catch (SyntaxProblem e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    assertThat(CronExpressions.bothDayFields(cron)).hasSizeLessThanOrEqualTo(2);
  }
}
