package dev.anyfn.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLetterQueuesTest {
  @Test
  void deadLetterQueueNamesFitSqsLimitsAndDifferFromTheirQueue() {
    assertThat(DeadLetterQueues.aws("orders")).isEqualTo("orders-dlq");
    String longest = "q".repeat(80);
    assertThat(DeadLetterQueues.aws(longest)).hasSize(80).endsWith("-dlq");
    String longestFifo = "q".repeat(75) + ".fifo";
    assertThat(DeadLetterQueues.aws(longestFifo)).hasSize(80).endsWith("-dlq.fifo");
    String endsLikeItsOwn = "q".repeat(76) + "-dlq";
    assertThat(DeadLetterQueues.aws(endsLikeItsOwn))
        .hasSizeLessThanOrEqualTo(80)
        .endsWith("-dlq")
        .isNotEqualTo(endsLikeItsOwn);
  }

  @Test
  void azureStorageQueuesPoisonQueueIsNamedByTheHostsConvention() {
    assertThat(DeadLetterQueues.azureStorage("orders")).isEqualTo("orders-poison");
  }

  @Test
  void googleDeadLetterTopicIsTheQueuesNameWithDlqWithinPubSubsLimit() {
    assertThat(DeadLetterQueues.google("orders")).isEqualTo("orders-dlq");
    assertThat(DeadLetterQueues.google("q".repeat(255))).hasSize(255).endsWith("-dlq");
  }
}
