package dev.anyfn.processor;

import static dev.anyfn.processor.Compilation.compile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code @SendsTo} must say, checked when the project compiles. */
class SendsToValidationTest {
  private static String api(String sendsTo) {
    return sendsTo
        + """

        @ServerlessFunction("api")
        public class Api {
          @Route("/items")
          public String items(Context context) { return "[]"; }
        }
        """;
  }

  @Test
  void theQueuesGoIntoTheIndexInTheOrderDeclared() {
    String index = compile(api("@SendsTo(queues = {\"orders\", \"audit\"})")).assertIndex();

    assertThat(index.replaceAll("\\s", "")).contains("\"sendsTo\":[\"orders\",\"audit\"]");
  }

  @Test
  void aFunctionWithoutSendsToHasNoSendsToInTheIndex() {
    assertThat(compile(api("")).assertIndex()).doesNotContain("sendsTo");
  }

  @Test
  void noQueueAnEmptyNameAndBlanksAtAnEndAreRefusedSayingWhatToWrite() {
    compile(api("@SendsTo(queues = {})"))
        .assertError(
            "@SendsTo on com.example.Api names no queue or topic; expected e.g. @SendsTo(queues ="
                + " \"orders\") or @SendsTo(topics = \"order-events\"), or remove it.");
    compile(api("@SendsTo(queues = {\"orders\", \"\"})"))
        .assertError(
            "@SendsTo on com.example.Api has an empty queue name; expected e.g. @SendsTo(queues ="
                + " \"orders\").");
    compile(api("@SendsTo(queues = \"orders \")"))
        .assertError(
            "@SendsTo on com.example.Api names queue 'orders ', with blanks at an end; write"
                + " 'orders'.");
  }

  @Test
  void aQueueNamedTwiceIsRefused() {
    compile(api("@SendsTo(queues = {\"orders\", \"audit\", \"orders\"})"))
        .assertError(
            "@SendsTo on com.example.Api names queue 'orders' more than once; name each queue once.");
  }

  @Test
  void sendsToOnAClassThatIsNotAFunctionIsRefused() {
    compile(
            """
            @SendsTo(queues = "orders")
            public class Helper {}
            """)
        .assertError(
            "@SendsTo on com.example.Helper has no effect: the class is not a @ServerlessFunction."
                + " Put @SendsTo on the function class whose handlers send.");
  }

  @Test
  void theTopicsGoIntoTheIndexBesideTheQueues() {
    String index =
        compile(api("@SendsTo(queues = \"orders\", topics = {\"order-events\", \"audit\"})"))
            .assertIndex()
            .replaceAll("\\s", "");

    assertThat(index)
        .contains("\"sendsTo\":[\"orders\"]")
        .contains("\"publishesTo\":[\"order-events\",\"audit\"]");
    assertThat(compile(api("@SendsTo(topics = \"order-events\")")).assertIndex())
        .doesNotContain("sendsTo");
  }

  @Test
  void aTopicNamedTwiceOrEmptyIsRefused() {
    compile(api("@SendsTo(topics = {\"news\", \"news\"})"))
        .assertError(
            "@SendsTo on com.example.Api names topic 'news' more than once; name each topic once.");
    compile(api("@SendsTo(topics = \"\")"))
        .assertError(
            "@SendsTo on com.example.Api has an empty topic name; expected e.g. @SendsTo(topics ="
                + " \"order-events\").");
  }
}
