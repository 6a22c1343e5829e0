package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue and topic output bindings of one invocation, as the core sends through them. */
class QueueOutputsTest {
  private final AzureMocks.Output<List<String>> orders = new AzureMocks.Output<>();
  private final AzureMocks.Output<List<String>> audit = new AzureMocks.Output<>();

  @Test
  void aSendSetsTheBindingOfItsQueueToItsMessagesInOrder() {
    QueueOutputs outputs = QueueOutputs.storage().bind("orders", orders).bind("audit", audit);

    outputs.send("orders", List.of("a", "b"));

    assertThat(orders.getValue()).containsExactly("a", "b");
    assertThat(audit.getValue()).isNull();
  }

  @Test
  void aSecondSendToTheSameQueueAppendsToWhatTheFirstSet() {
    QueueOutputs outputs = QueueOutputs.storage().bind("orders", orders);

    outputs.send("orders", List.of("a"));
    outputs.send("orders", List.of("b", "c"));

    assertThat(orders.getValue()).containsExactly("a", "b", "c");
  }

  @Test
  void storageQueuesTakeWhatFits64KiBBase64EncodedAndServiceBusQueues256KiB() {
    assertThat(QueueOutputs.storage().maxMessageBytes())
        .isEqualTo(49_152)
        .isEqualTo(65_536 / 4 * 3);
    assertThat(QueueOutputs.serviceBus().maxMessageBytes()).isEqualTo(262_144);
  }

  @Test
  void aQueueWithoutBindingIsRefusedNamingTheBoundOnesAndTheFix() {
    QueueOutputs outputs = QueueOutputs.storage().bind("orders", orders).bind("audit", audit);

    assertThatThrownBy(() -> outputs.send("billing", List.of("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The Azure entry of this function has no output binding for queue 'billing'; it has"
                + " one for ['audit', 'orders']. The generated entry class is older than the"
                + " function's @SendsTo: rebuild the project (mvn clean package).");
  }

  @Test
  void aPublishSetsTheBindingOfItsTopicAndASecondAppendsToIt() {
    AzureMocks.Output<List<String>> events = new AzureMocks.Output<>();
    QueueOutputs outputs =
        QueueOutputs.storage().bind("orders", orders).bindTopic("events", events);

    outputs.publish("events", List.of("a"));
    outputs.publish("events", List.of("b", "c"));

    assertThat(events.getValue()).containsExactly("a", "b", "c");
    assertThat(orders.getValue()).isNull();
  }

  @Test
  void aQueueAndATopicOfTheSameNameKeepTheirOwnBindings() {
    AzureMocks.Output<List<String>> topic = new AzureMocks.Output<>();
    QueueOutputs outputs =
        QueueOutputs.serviceBus().bind("orders", orders).bindTopic("orders", topic);

    outputs.send("orders", List.of("queued"));
    outputs.publish("orders", List.of("published"));

    assertThat(orders.getValue()).containsExactly("queued");
    assertThat(topic.getValue()).containsExactly("published");
  }

  @Test
  void topicsTakeServiceBusStandards256KiBWhateverTheQueueFlavour() {
    assertThat(QueueOutputs.storage().maxTopicMessageBytes()).isEqualTo(262_144);
    assertThat(QueueOutputs.serviceBus().maxTopicMessageBytes()).isEqualTo(262_144);
  }

  @Test
  void aTopicWithoutBindingIsRefusedNamingTheBoundOnesAndTheFix() {
    QueueOutputs outputs =
        QueueOutputs.storage()
            .bind("orders", orders)
            .bindTopic("events", audit)
            .bindTopic("audit", audit);

    assertThatThrownBy(() -> outputs.publish("orders", List.of("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The Azure entry of this function has no output binding for topic 'orders'; it has"
                + " one for ['audit', 'events']. The generated entry class is older than the"
                + " function's @SendsTo: rebuild the project (mvn clean package).");
  }

  @Test
  void aPublishFromAnEntryWithoutTopicBindingsIsRefusedSayingItHasNone() {
    QueueOutputs outputs = QueueOutputs.storage().bind("orders", orders);

    assertThatThrownBy(() -> outputs.publish("events", List.of("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The Azure entry of this function has no output binding for topic 'events'; it has"
                + " none for any topic. The generated entry class is older than the function's"
                + " @SendsTo: rebuild the project (mvn clean package).");
  }
}
