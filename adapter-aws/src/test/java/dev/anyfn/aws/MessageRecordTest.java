package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MessageRecordTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void binaryAttributesAreSkippedOnSnsAsOnSqs() throws Exception {
    MessageRecord sns =
        MessageRecord.read(
            JSON.readTree(
                """
                {"MessageId":"m1","TopicArn":"arn:aws:sns:eu-west-1:1:news","Message":"hi",
                 "MessageAttributes":{"n":{"Type":"Number","Value":"7"},
                   "s":{"Type":"String","Value":"v"},"b":{"Type":"Binary","Value":"aGk="}}}
                """),
            MessageRecord.SNS,
            "Records[0].Sns");
    MessageRecord sqs =
        MessageRecord.read(
            JSON.readTree(
                """
                {"messageId":"m1","eventSourceARN":"arn:aws:sqs:eu-west-1:1:news","body":"hi",
                 "messageAttributes":{"n":{"dataType":"Number","stringValue":"7"},
                   "s":{"dataType":"String","stringValue":"v"},
                   "b":{"dataType":"Binary","binaryValue":"aGk="}}}
                """),
            MessageRecord.SQS,
            "Records[0]");

    assertThat(sns.attributes())
        .containsExactly(java.util.Map.entry("n", "7"), java.util.Map.entry("s", "v"));
    assertThat(sqs.attributes()).isEqualTo(sns.attributes());
  }
}
