package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.Event;
import dev.anyfn.QueueMessage;
import dev.anyfn.TopicMessage;
import dev.anyfn.core.fixtures.AttemptsFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageAndBodyTest {
  private final TestRuntime rt = new TestRuntime();
  private final FunctionInstance instance = rt.instance("fx-attempts");
  private final AttemptsFunction target = (AttemptsFunction) instance.target();

  private BatchOutcome deliver(Event message) {
    return instance.handleEvents(List.of(message), rt.context("fx-attempts"));
  }

  @Test
  void aQueueHandlerGetsTheMessageAndItsBodyBoundToTheType() {
    QueueMessage message =
        QueueMessage.builder()
            .id("m-7")
            .queue("attempted-orders")
            .body("{\"id\":\"a\",\"quantity\":3}")
            .deliveryAttempt(2)
            .build();

    assertThat(deliver(message).failures()).isEmpty();
    assertThat(target.seen).containsExactly("a x3 attempt 2 of m-7 on fx-attempts");
  }

  @Test
  void aTopicHandlerGetsTheMessageAndItsBodyBoundToTheType() {
    TopicMessage message =
        TopicMessage.builder()
            .id("t-1")
            .topic("attempted-prices")
            .body("{\"id\":\"b\",\"quantity\":1}")
            .attributes(Map.of("source", "test"))
            .build();

    assertThat(deliver(message).failures()).isEmpty();
    assertThat(target.seen).containsExactly("b from attempted-prices {source=test}");
  }

  @Test
  void aBodyThatCannotBeBoundIsUnbindableAndTheHandlerIsNotCalled() {
    QueueMessage message =
        QueueMessage.builder().id("m-8").queue("attempted-orders").body("{\"id\":\"a\"").build();

    BatchOutcome o = deliver(message);

    assertThat(target.seen).isEmpty();
    assertThat(o.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.eventId()).isEqualTo("m-8");
              assertThat(f.permanent()).isTrue();
              assertThat(f.code()).isEqualTo("unbindable");
            });
  }
}
