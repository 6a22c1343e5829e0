package dev.anyfn.idempotency.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.anyfn.IdempotencyStore;
import dev.anyfn.QueueMessage;
import dev.anyfn.conformance.IdempotencyStoreContract;
import dev.anyfn.core.BatchOutcome;
import dev.anyfn.core.fixtures.OnceFunction;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The store against a real DynamoDB API (moto): the contract every store keeps, and its own. */
class DynamoDbIdempotencyStoreTest extends IdempotencyStoreContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static MotoServer moto;
  private static DynamoDbClient client;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.startIfInstalled().orElse(null);
    client = moto == null ? null : moto.client();
  }

  @BeforeEach
  void needsMoto() {
    assumeTrue(moto != null, MotoServer.NOT_INSTALLED);
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  /** A store in a table of its own, so that each test starts with no records. */
  @Override
  protected IdempotencyStore store() {
    return storeIn(newTable(), client);
  }

  private static String newTable() {
    return "once-" + TABLES.incrementAndGet();
  }

  private static DynamoDbIdempotencyStore storeIn(String table, DynamoDbClient client) {
    DynamoDbIdempotencyStore store = new DynamoDbIdempotencyStore(client, table);
    store.createTable();
    return store;
  }

  private static Map<String, AttributeValue> item(String table, String key) {
    return client
        .getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(key))))
        .item();
  }

  @Test
  void createsAnOnDemandTableKeyedByIdWithTimeToLiveOnExpiresAtAndLeavesOneThatExists() {
    String table = newTable();
    DynamoDbIdempotencyStore store = storeIn(table, client);
    store.claim("k", "a", null, T0, T0.plusSeconds(30));

    store.createTable(); // exists: left as it is

    TableDescription description = client.describeTable(b -> b.tableName(table)).table();
    assertThat(description.keySchema())
        .containsExactly(
            KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build());
    assertThat(description.attributeDefinitions())
        .singleElement()
        .satisfies(a -> assertThat(a.attributeTypeAsString()).isEqualTo("S"));
    assertThat(description.billingModeSummary().billingMode())
        .isEqualTo(BillingMode.PAY_PER_REQUEST);
    TimeToLiveDescription ttl =
        client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    assertThat(ttl.attributeName()).isEqualTo("expires_at");
    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(item(table, "k")).containsKey("claimant");
  }

  @Test
  void anItemHoldsTheClaimThenTheResultWithItsMomentInMillisAndInSecondsForTimeToLive() {
    String table = newTable();
    DynamoDbIdempotencyStore store = storeIn(table, client);
    Instant leaseUntil = T0.plusMillis(30_250);
    Instant keepUntil = T0.plusSeconds(3600);
    byte[] result = {'{', '"', (byte) 0xc3, (byte) 0xa9, '"', '}'};

    store.claim("fn:k", "a", "f1", T0, leaseUntil);
    Map<String, AttributeValue> running = item(table, "fn:k");
    store.complete("fn:k", "a", result, keepUntil);
    Map<String, AttributeValue> done = item(table, "fn:k");

    assertThat(running)
        .containsOnlyKeys("id", "claimant", "fingerprint", "until_ms", "expires_at")
        .containsEntry("id", AttributeValue.fromS("fn:k"))
        .containsEntry("claimant", AttributeValue.fromS("a"))
        .containsEntry("fingerprint", AttributeValue.fromS("f1"))
        .containsEntry("until_ms", AttributeValue.fromN(Long.toString(leaseUntil.toEpochMilli())))
        .containsEntry("expires_at", AttributeValue.fromN(Long.toString(T0.getEpochSecond() + 31)));
    assertThat(done)
        .containsOnlyKeys("id", "claimant", "fingerprint", "result", "until_ms", "expires_at")
        .containsEntry("result", AttributeValue.fromB(SdkBytes.fromByteArray(result)))
        .containsEntry("until_ms", AttributeValue.fromN(Long.toString(keepUntil.toEpochMilli())))
        .containsEntry(
            "expires_at", AttributeValue.fromN(Long.toString(keepUntil.getEpochSecond())));
  }

  @Test
  void aClaimantWhoseLeaseEndedLeavesTheNewClaimsItemAsItIs() {
    String table = newTable();
    DynamoDbIdempotencyStore store = storeIn(table, client);
    store.claim("k", "late", null, T0, T0.plusSeconds(1));
    Instant later = T0.plusSeconds(2);
    store.claim("k", "next", null, later, later.plusSeconds(30));
    Map<String, AttributeValue> before = item(table, "k");

    store.complete("k", "late", "1".getBytes(), later.plusSeconds(3600));
    store.release("k", "late");

    assertThat(item(table, "k")).isEqualTo(before).doesNotContainKey("result");
    assertThat(before).containsEntry("claimant", AttributeValue.fromS("next"));
  }

  @Test
  void completingOrReleasingAKeyWithNoRecordWritesNothing() {
    String table = newTable();
    DynamoDbIdempotencyStore store = storeIn(table, client);

    store.complete("never-claimed", "a", "1".getBytes(), T0.plusSeconds(3600));
    store.release("never-claimed", "a");

    assertThat(item(table, "never-claimed")).isEmpty();
  }

  @Test
  void aResultTooLargeForADynamoDbItemIsRefusedNamingItsSizeAndTheLimitAndTheClaimStays() {
    String table = newTable();
    DynamoDbIdempotencyStore store = storeIn(table, client);
    store.claim("k", "a", null, T0, T0.plusSeconds(30));
    byte[] result = new byte[409_600];
    Arrays.fill(result, (byte) '1');

    assertThatThrownBy(() -> store.complete("k", "a", result, T0.plusSeconds(3600)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The result of idempotency key 'k' is 409600 bytes of JSON, which makes a DynamoDB"
                + " item of at least 409646 bytes; DynamoDB takes items of at most 409600 bytes"
                + " (400 KB), so it was not stored. Let the work return something smaller, such"
                + " as an id to look the rest up by.");
    assertThat(item(table, "k")).doesNotContainKey("result");
    assertThat(store.claim("k", "b", null, T0.plusSeconds(1), T0.plusSeconds(31)))
        .isEqualTo(new IdempotencyStore.Running(T0.plusSeconds(30)));
  }

  @Test
  void aLargeResultUnderTheLimitIsStoredAndGivenBack() {
    DynamoDbIdempotencyStore store = storeIn(newTable(), client);
    store.claim("k", "a", null, T0, T0.plusSeconds(30));
    byte[] result = new byte[300_000];
    Arrays.fill(result, (byte) '7');

    store.complete("k", "a", result, T0.plusSeconds(3600));

    assertThat(store.claim("k", "b", null, T0, T0.plusSeconds(30)))
        .isInstanceOfSatisfying(
            IdempotencyStore.Done.class, d -> assertThat(d.result()).isEqualTo(result));
  }

  @Test
  void onAServerThatDoesNotReturnTheRecordItKeptTheClaimReadsIt() {
    try (DynamoDbClient withoutOld =
        moto.clientBuilder()
            .overrideConfiguration(c -> c.addExecutionInterceptor(new WithoutAllOld()))
            .build()) {
      DynamoDbIdempotencyStore store = storeIn(newTable(), withoutOld);
      store.claim("running", "a", null, T0, T0.plusSeconds(30));
      store.claim("done", "a", "f1", T0, T0.plusSeconds(30));
      store.complete("done", "a", "7".getBytes(), T0.plusSeconds(3600));

      assertThat(store.claim("running", "b", null, T0.plusSeconds(1), T0.plusSeconds(31)))
          .isEqualTo(new IdempotencyStore.Running(T0.plusSeconds(30)));
      assertThat(store.claim("done", "b", null, T0.plusSeconds(1), T0.plusSeconds(31)))
          .isInstanceOfSatisfying(
              IdempotencyStore.Done.class,
              d -> {
                assertThat(d.result()).isEqualTo("7".getBytes());
                assertThat(d.fingerprint()).isEqualTo("f1");
              });
    }
  }

  @Test
  void aRecordReleasedBetweenTheFailedClaimAndItsReadIsClaimedAgain() {
    VanishingRecord vanishing = new VanishingRecord(false);
    try (DynamoDbClient racing =
        moto.clientBuilder()
            .overrideConfiguration(c -> c.addExecutionInterceptor(vanishing))
            .build()) {
      String table = newTable();
      DynamoDbIdempotencyStore store = storeIn(table, racing);
      vanishing.table = table;
      store.claim("k", "a", null, T0, T0.plusSeconds(30));
      vanishing.armed = true;

      IdempotencyStore.Claim claim = store.claim("k", "b", null, T0, T0.plusSeconds(30));

      assertThat(claim).isInstanceOf(IdempotencyStore.Claimed.class);
      assertThat(vanishing.deleted).hasValue(1);
      assertThat(item(table, "k")).containsEntry("claimant", AttributeValue.fromS("b"));
    }
  }

  @Test
  void aRecordThatKeepsVanishingBetweenClaimAndReadEndsTheClaimAfterFiveTries() {
    VanishingRecord vanishing = new VanishingRecord(true);
    try (DynamoDbClient racing =
        moto.clientBuilder()
            .overrideConfiguration(c -> c.addExecutionInterceptor(vanishing))
            .build()) {
      String table = newTable();
      DynamoDbIdempotencyStore store = storeIn(table, racing);
      vanishing.table = table;
      vanishing.armed = true;

      assertThatThrownBy(() -> store.claim("k", "b", null, T0, T0.plusSeconds(30)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "The idempotency record of key 'k' in DynamoDB table '"
                  + table
                  + "' changed under 5 claims in a row; another process keeps releasing it.");
      assertThat(vanishing.deleted).hasValue(5);
    }
  }

  @Test
  void aStoreThatCannotReachItsTableSaysWhatFailed() {
    DynamoDbIdempotencyStore missing = new DynamoDbIdempotencyStore(client, "no-such-table");

    assertThatThrownBy(() -> missing.claim("k", "a", null, T0, T0.plusSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "The DynamoDB idempotency store on table 'no-such-table' could not claim key 'k'"
                + " (ResourceNotFoundException): ");
  }

  @Test
  void theSdkFindsTheHttpClientThisModuleBringsWithoutBeingToldWhich() {
    // DynamoDbClient.create() fails when it finds none, or more than one
    try (DynamoDbClient plain = moto.clientBuilderWithDefaultHttpClient().build()) {
      DynamoDbIdempotencyStore store = storeIn(newTable(), plain);

      assertThat(store.claim("k", "a", null, T0, T0.plusSeconds(30)))
          .isInstanceOf(IdempotencyStore.Claimed.class);
    }
  }

  @Test
  void refusesABlankTableName() {
    assertThatThrownBy(() -> new DynamoDbIdempotencyStore(client, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The idempotency table name is blank; give the name of a DynamoDB table whose"
                + " partition key is the String 'id'.");
  }

  @Test
  void throughContextOnceAResultTooLargeIsLoggedTheMessageStillSucceedsAndTheKeyStaysClaimed() {
    String table = newTable();
    DynamoDbIdempotencyStore store = storeIn(table, client);
    OnceFunction.CHARGES.set(0);
    List<String> logs = new CopyOnWriteArrayList<>();
    QueueMessage payment =
        QueueMessage.builder()
            .id("m-1")
            .queue("payments")
            .body("p-1:" + "9".repeat(420_000))
            .deliveryAttempt(1)
            .build();

    BatchOutcome outcome =
        instanceOnItsOwnRuntime(store)
            .handleEvents(List.of(payment), onceContext("m-1", logs::add));

    assertThat(outcome.failures()).isEmpty();
    assertThat(OnceFunction.CHARGES).hasValue(1);
    assertThat(logs)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("Could not store the result of idempotency key fx-once:pay-p-1")
                    .contains("is 420010 bytes of JSON")
                    .contains("DynamoDB takes items of at most 409600 bytes"));
    assertThat(item(table, "fx-once:pay-p-1"))
        .containsKeys("claimant", "until_ms")
        .doesNotContainKey("result");
  }

  /** Asks no record back on a failed put, as a server that ignores the parameter would give. */
  private static final class WithoutAllOld implements ExecutionInterceptor {
    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      return context.request() instanceof PutItemRequest put
          ? put.toBuilder().returnValuesOnConditionCheckFailure((String) null).build()
          : context.request();
    }
  }

  /**
   * Another process releasing the record between a claim's failed put and its read: after each
   * failed put it deletes the record; {@code recreate} puts a live one back before each put.
   */
  private static final class VanishingRecord implements ExecutionInterceptor {
    private final boolean recreate;
    private final AtomicInteger deleted = new AtomicInteger();
    private volatile String table;
    private volatile boolean armed;

    VanishingRecord(boolean recreate) {
      this.recreate = recreate;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      if (!armed || !(context.request() instanceof PutItemRequest put)) {
        return context.request();
      }
      if (recreate) {
        client.putItem(
            b ->
                b.tableName(table)
                    .item(
                        Map.of(
                            "id", AttributeValue.fromS("k"),
                            "claimant", AttributeValue.fromS("other"),
                            "until_ms",
                                AttributeValue.fromN("" + T0.plusSeconds(60).toEpochMilli()),
                            "expires_at", AttributeValue.fromN("0"))));
      }
      // without the record kept, so that the claim reads it
      return put.toBuilder().returnValuesOnConditionCheckFailure((String) null).build();
    }

    @Override
    public void onExecutionFailure(
        Context.FailedExecution context, ExecutionAttributes attributes) {
      if (armed && context.request() instanceof PutItemRequest) {
        client.deleteItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("k"))));
        deleted.incrementAndGet();
      }
    }
  }
}
