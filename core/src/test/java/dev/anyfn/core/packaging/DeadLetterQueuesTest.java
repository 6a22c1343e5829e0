package dev.anyfn.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLetterQueuesTest {
  @Test
  void deadLetterQueueNamesFitSqsLimitsAndDifferFromTheirQueue() {
    assertThat(DeadLetterQueues.aws("orders")).isEqualTo("orders-poison");
    String longest = "q".repeat(80);
    assertThat(DeadLetterQueues.aws(longest)).hasSize(80).endsWith("-poison");
    String longestFifo = "q".repeat(75) + ".fifo";
    assertThat(DeadLetterQueues.aws(longestFifo)).hasSize(80).endsWith("-poison.fifo");
    String endsLikeItsOwn = "q".repeat(73) + "-poison";
    assertThat(DeadLetterQueues.aws(endsLikeItsOwn))
        .hasSizeLessThanOrEqualTo(80)
        .endsWith("-poison")
        .isNotEqualTo(endsLikeItsOwn);
  }

  @Test
  void azureStorageQueuesPoisonQueueIsNamedByTheHostsConvention() {
    assertThat(DeadLetterQueues.azureStorage("orders")).isEqualTo("orders-poison");
  }

  @Test
  void googleDeadLetterTopicIsTheQueuesNameWithPoisonWithinPubSubsLimit() {
    assertThat(DeadLetterQueues.google("orders")).isEqualTo("orders-poison");
    assertThat(DeadLetterQueues.google("q".repeat(255))).hasSize(255).endsWith("-poison");
  }

  @Test
  void everyCloudNamesTheDeadLettersOfAQueueAlikeSoOneHandlerReadsThemAll() {
    for (String queue : java.util.List.of("orders", "tasks", "payments-eu")) {
      assertThat(
              java.util.List.of(
                  DeadLetterQueues.aws(queue),
                  DeadLetterQueues.google(queue),
                  DeadLetterQueues.azureStorage(queue)))
          .containsOnly(queue + "-poison");
    }
  }
}
