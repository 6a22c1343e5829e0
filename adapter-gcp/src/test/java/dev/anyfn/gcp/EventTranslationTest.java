package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.events.cloud.firestore.v1.ArrayValue;
import com.google.events.cloud.firestore.v1.Document;
import com.google.events.cloud.firestore.v1.DocumentEventData;
import com.google.events.cloud.firestore.v1.MapValue;
import com.google.events.cloud.firestore.v1.Value;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.type.LatLng;
import dev.anyfn.DataChange;
import dev.anyfn.StorageEvent;
import dev.anyfn.TopicMessage;
import dev.anyfn.core.ResourceNames;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The translators on their own, for shapes the invoker tests do not cover. */
class EventTranslationTest {

  private static CloudEvent event(String type, String contentType, byte[] data) {
    return CloudEventBuilder.v1()
        .withId("e-1")
        .withType(type)
        .withSource(URI.create("//firestore.googleapis.com/projects/p/databases/(default)"))
        .withSubject("documents/users/u9")
        .withDataContentType(contentType)
        .withData(data)
        .build();
  }

  @Test
  void firestoreValuesBecomePlainJson() {
    Document doc =
        Document.newBuilder()
            .setName("projects/p/databases/(default)/documents/users/u9")
            .putFields("n", Value.newBuilder().setNullValueValue(0).build())
            .putFields("d", Value.newBuilder().setDoubleValue(1.5).build())
            .putFields(
                "t",
                Value.newBuilder()
                    .setTimestampValue(Timestamp.newBuilder().setSeconds(1_800_000_000).setNanos(5))
                    .build())
            .putFields("b", Value.newBuilder().setBytesValue(ByteString.copyFromUtf8("hi")).build())
            .putFields(
                "r",
                Value.newBuilder()
                    .setReferenceValue("projects/p/databases/(default)/documents/a/b")
                    .build())
            .putFields(
                "g",
                Value.newBuilder()
                    .setGeoPointValue(LatLng.newBuilder().setLatitude(1.25).setLongitude(-2.5))
                    .build())
            .putFields(
                "a",
                Value.newBuilder()
                    .setArrayValue(
                        ArrayValue.newBuilder()
                            .addValues(Value.newBuilder().setIntegerValue(1))
                            .addValues(Value.newBuilder().setStringValue("x")))
                    .build())
            .putFields(
                "m",
                Value.newBuilder()
                    .setMapValue(
                        MapValue.newBuilder()
                            .putFields("k", Value.newBuilder().setBooleanValue(true).build()))
                    .build())
            .build();
    @SuppressWarnings("unchecked")
    DataChange<String> change =
        (DataChange<String>)
            new FirestoreTranslator(ResourceNames.NONE)
                .translate(
                    event(
                        FirestoreTranslator.DELETED,
                        "application/protobuf",
                        DocumentEventData.newBuilder().setOldValue(doc).build().toByteArray()));
    assertThat(change.kind()).isEqualTo(DataChange.Kind.REMOVE);
    assertThat(change.newImage()).isEmpty();
    assertThat(change.oldImage())
        .hasValue(
            "{\"a\":[1,\"x\"],\"b\":\"aGk=\",\"d\":1.5,\"g\":{\"latitude\":1.25,\"longitude\":-2.5},"
                + "\"m\":{\"k\":true},\"n\":null,\"r\":\"projects/p/databases/(default)/documents/a/b\","
                + "\"t\":\"2027-01-15T08:00:00.000000005Z\"}");
  }

  @Test
  void firestoreTimestampOutsideFirestoresRangeIsMalformedNotADateTimeException() {
    for (Timestamp t :
        new Timestamp[] {
          Timestamp.newBuilder().setSeconds(Long.MAX_VALUE).build(),
          Timestamp.newBuilder().setSeconds(253_402_300_800L).build(), // 10000-01-01
          Timestamp.newBuilder().setSeconds(0).setNanos(-1).build()
        }) {
      Document doc =
          Document.newBuilder()
              .setName("projects/p/databases/(default)/documents/users/u9")
              .setUpdateTime(t)
              .build();
      assertThatThrownBy(
              () ->
                  new FirestoreTranslator(ResourceNames.NONE)
                      .translate(
                          event(
                              FirestoreTranslator.WRITTEN,
                              "application/protobuf",
                              DocumentEventData.newBuilder().setValue(doc).build().toByteArray())))
          .isInstanceOf(MalformedEventException.class)
          .hasMessageContaining("Firestore timestamps lie from 0001-01-01 to 9999-12-31");
    }
    Timestamp last =
        Timestamp.newBuilder().setSeconds(253_402_300_799L).setNanos(999_999_999).build();
    assertThat(FirestoreValues.instant(last))
        .isEqualTo(java.time.Instant.parse("9999-12-31T23:59:59.999999999Z"));
  }

  @Test
  void firestoreJsonPayloadIsRejectedNamingTheExpectedType() {
    assertThatThrownBy(
            () ->
                new FirestoreTranslator(ResourceNames.NONE)
                    .translate(
                        event(
                            FirestoreTranslator.WRITTEN,
                            "application/json",
                            "{}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage(
            "Firestore event e-1 has data of type application/json; expected application/protobuf"
                + " (a DocumentEventData), as Eventarc sends it.");
  }

  @Test
  void storageSizeThatIsNotANumberIsMalformed() {
    CloudEvent e =
        CloudEventBuilder.v1()
            .withId("s-9")
            .withType(StorageTranslator.FINALIZED)
            .withSource(URI.create("//storage.googleapis.com/projects/_/buckets/b"))
            .withData(
                "application/json",
                "{\"bucket\":\"b\",\"name\":\"k\",\"size\":\"big\"}"
                    .getBytes(StandardCharsets.UTF_8))
            .build();
    assertThatThrownBy(() -> new StorageTranslator(ResourceNames.NONE).translate(e))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage(
            "Storage event s-9 has size 'big'; expected a whole number of bytes (as a JSON string).");
  }

  @Test
  void aStagesPrefixedBucketAndCollectionReachHandlersUnderTheirAnnotationsNames() {
    ResourceNames dev = ResourceNames.withPrefix("dev-");
    CloudEvent upload =
        CloudEventBuilder.v1()
            .withId("s-7")
            .withType(StorageTranslator.FINALIZED)
            .withSource(URI.create("//storage.googleapis.com/projects/_/buckets/dev-uploads"))
            .withData(
                "application/json",
                "{\"bucket\":\"dev-uploads\",\"name\":\"k\",\"size\":\"3\"}"
                    .getBytes(StandardCharsets.UTF_8))
            .build();
    assertThat(((StorageEvent) new StorageTranslator(dev).translate(upload)).bucket())
        .isEqualTo("uploads");

    CloudEvent write = firestoreWritten("projects/p/databases/(default)/documents/dev-users/u1");
    assertThat(((DataChange<?>) new FirestoreTranslator(dev).translate(write)).table())
        .isEqualTo("users");
    assertThat(
            ((DataChange<?>) new FirestoreTranslator(ResourceNames.NONE).translate(write)).table())
        .isEqualTo("dev-users");
  }

  /** A Firestore "written" event of a document of this name. */
  private static CloudEvent firestoreWritten(String name) {
    Document doc =
        Document.newBuilder()
            .setName(name)
            .setUpdateTime(Timestamp.newBuilder().setSeconds(1).build())
            .build();
    return event(
        FirestoreTranslator.WRITTEN,
        "application/protobuf",
        DocumentEventData.newBuilder().setValue(doc).build().toByteArray());
  }

  @Test
  void aFirestoreDocumentIsReadByPositionWhateverItsProjectAndDatabaseAreCalled() {
    assertThat(
            FirestoreTranslator.pathBelowDocuments(
                "projects/acme-documents/databases/(default)/documents/users/u9"))
        .isEqualTo("users/u9");
    assertThat(
            FirestoreTranslator.pathBelowDocuments(
                "projects/p/databases/mydocuments/documents/users/u9"))
        .isEqualTo("users/u9");
    assertThat(FirestoreTranslator.pathBelowDocuments("documents/users/u9")).isEqualTo("users/u9");
    assertThat(FirestoreTranslator.pathBelowDocuments("projects/p/databases/d/other/users/u9"))
        .isNull();

    CloudEvent write =
        firestoreWritten("projects/acme-documents/databases/(default)/documents/users/u9");
    DataChange<?> change =
        (DataChange<?>) new FirestoreTranslator(ResourceNames.NONE).translate(write);
    assertThat(change.table()).isEqualTo("users");
    assertThat(change.keys()).containsEntry("id", "u9");
  }

  @Test
  void storageEventWithoutAnObjectNameIsMalformed() {
    CloudEvent e =
        CloudEventBuilder.v1()
            .withId("s-8")
            .withType(StorageTranslator.FINALIZED)
            .withSource(URI.create("//storage.googleapis.com/projects/_/buckets/b"))
            .withData("application/json", "{\"bucket\":\"b\"}".getBytes(StandardCharsets.UTF_8))
            .build();
    assertThatThrownBy(() -> new StorageTranslator(ResourceNames.NONE).translate(e))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("Storage event s-8 has no 'name' in its data.");
  }

  @Test
  void pubSubMessageWithOnlyAttributesHasAnEmptyBody() {
    CloudEvent e =
        CloudEventBuilder.v1()
            .withId("p-1")
            .withType(PubSubTranslator.MESSAGE_PUBLISHED)
            .withSource(URI.create("//pubsub.googleapis.com/projects/p/topics/news"))
            .withData(
                "application/json",
                "{\"message\":{\"attributes\":{\"a\":\"1\"},\"messageId\":\"m\"}}"
                    .getBytes(StandardCharsets.UTF_8))
            .build();
    TopicMessage m =
        (TopicMessage) new PubSubTranslator(PubSubTranslator.Target.TOPIC, "news").translate(e);
    assertThat(m.topic()).isEqualTo("news");
    assertThat(m.body()).isEmpty();
    assertThat(m.attributes()).containsEntry("a", "1");
    assertThat(m.orderingKey()).isEmpty();
  }

  @Test
  void pubSubDataThatIsNotJsonIsMalformed() {
    CloudEvent e =
        CloudEventBuilder.v1()
            .withId("p-2")
            .withType(PubSubTranslator.MESSAGE_PUBLISHED)
            .withSource(URI.create("//pubsub.googleapis.com/projects/p/topics/news"))
            .withData("application/json", "[1,2]".getBytes(StandardCharsets.UTF_8))
            .build();
    assertThatThrownBy(() -> new PubSubTranslator(PubSubTranslator.Target.QUEUE, "q").translate(e))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage(
            "The data of google.cloud.pubsub.topic.v1.messagePublished event p-2 is not a JSON"
                + " object; found array.");
  }
}
