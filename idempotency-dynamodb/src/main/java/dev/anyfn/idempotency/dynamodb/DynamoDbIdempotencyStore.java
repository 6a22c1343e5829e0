package dev.anyfn.idempotency.dynamodb;

import dev.anyfn.IdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * An {@link IdempotencyStore} in an Amazon DynamoDB table, which every instance of a function
 * shares. Each call is one conditional request, so DynamoDB decides atomically per key: of
 * concurrent claims exactly one wins, and a claimant whose lease passed to another can neither
 * complete nor release the new claim.
 *
 * <pre>{@code
 * @OnInit
 * public void init(InitContext init) {
 *   init.useIdempotencyStore(
 *       new DynamoDbIdempotencyStore(DynamoDbClient.create(), "orders-once"), Duration.ofHours(24));
 * }
 * }</pre>
 *
 * <p><b>The table.</b> Partition key {@code id} of type String, no sort key; create it with your
 * infrastructure code (or with {@link #createTable} in development and tests). One item per key:
 *
 * <ul>
 *   <li>{@code id} (S): the key, as {@code function:key};
 *   <li>{@code claimant} (S): who claimed it last;
 *   <li>{@code fingerprint} (S): the payload's fingerprint, absent when the claim gave none;
 *   <li>{@code result} (B): the result as JSON, absent while the work runs;
 *   <li>{@code until_ms} (N): when the lease ends or the result is no longer kept, in epoch
 *       milliseconds; the store's conditions compare with it;
 *   <li>{@code expires_at} (N): the same moment in epoch seconds, rounded up: enable DynamoDB's
 *       time to live on this attribute so that DynamoDB deletes the records no claim needs.
 * </ul>
 *
 * <p>A record whose {@code until_ms} has passed counts as none whether or not time to live has
 * deleted it yet (it deletes within days, not at once), so the store is right with time to live off
 * too; then the table only grows.
 *
 * <p><b>Permissions.</b> The function needs {@code dynamodb:PutItem}, {@code dynamodb:GetItem},
 * {@code dynamodb:UpdateItem} and {@code dynamodb:DeleteItem} on the table.
 *
 * <p><b>The result's size.</b> DynamoDB refuses an item over 400 KB (409,600 bytes, attribute names
 * and values together); {@link #complete} refuses a result that would make a larger item, saying
 * so, and {@code Context.once} then logs that error, answers as usual and keeps the key running
 * until its lease ends. Let the work return something small (an id to look the rest up by).
 *
 * <p><b>The HTTP client.</b> The store uses the {@link DynamoDbClient} it is given. This module
 * brings the SDK's JDK-based {@code url-connection-client} and none of its heavier clients (Netty,
 * Apache), the lightest on a Lambda cold start, so {@code DynamoDbClient.create()} works as it is;
 * to use another client, add it and name it with {@code DynamoDbClient.builder().httpClient(..)}.
 *
 * <p>Thread-safe, as the {@link DynamoDbClient} is; the store never closes it.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {
  /** The partition key attribute, of type String. */
  private static final String KEY = "id";

  /** The largest item DynamoDB takes, in bytes: 400 KB, attribute names and values together. */
  private static final int MAX_ITEM_BYTES = 400 * 1024;

  private static final String CLAIMANT = "claimant";
  private static final String FINGERPRINT = "fingerprint";
  private static final String RESULT = "result";
  private static final String UNTIL = "until_ms";
  private static final String EXPIRES = "expires_at";

  /** Claims left to a store that sees a record vanish between its two requests. */
  private static final int CLAIM_TRIES = 5;

  private final DynamoDbClient client;
  private final String table;

  /**
   * A store in {@code table}.
   *
   * @param client the client to call DynamoDB with; the store does not close it
   * @param table the table's name (or ARN), laid out as this class says
   * @throws IllegalArgumentException when {@code table} is blank
   */
  public DynamoDbIdempotencyStore(DynamoDbClient client, String table) {
    this.client = Objects.requireNonNull(client, "client");
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException(
          "The idempotency table name is "
              + (table == null ? "null" : "blank")
              + "; give the name of a DynamoDB table whose partition key is the String '"
              + KEY
              + "'.");
    }
    this.table = table;
  }

  /**
   * Creates the table unless it exists, on-demand billing, waits until it is active and enables
   * time to live on {@code expires_at}; a table that exists is left as it is. For development and
   * tests: create production tables with your infrastructure code.
   *
   * @throws IllegalStateException when DynamoDB refuses a step, naming it
   */
  public void createTable() {
    try {
      client.createTable(
          b ->
              b.tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName(KEY)
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build()));
    } catch (ResourceInUseException exists) {
      return;
    } catch (SdkException e) {
      throw failed("create it", e);
    }
    try (DynamoDbWaiter waiter = client.waiter()) {
      waiter.waitUntilTableExists(b -> b.tableName(table));
      client.updateTimeToLive(
          b ->
              b.tableName(table)
                  .timeToLiveSpecification(t -> t.attributeName(EXPIRES).enabled(true)));
    } catch (SdkException e) {
      throw failed("enable time to live on " + EXPIRES + " of it after creating it", e);
    }
  }

  @Override
  public Claim claim(
      String key, String claimant, String fingerprint, Instant now, Instant leaseUntil) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(KEY, s(key));
    item.put(CLAIMANT, s(claimant));
    if (fingerprint != null) {
      item.put(FINGERPRINT, s(fingerprint));
    }
    item.put(UNTIL, n(leaseUntil.toEpochMilli()));
    item.put(EXPIRES, n(epochSecondsUp(leaseUntil)));
    for (int i = 0; i < CLAIM_TRIES; i++) {
      Map<String, AttributeValue> live;
      try {
        client.putItem(
            b ->
                b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#id) OR #until <= :now")
                    .expressionAttributeNames(Map.of("#id", KEY, "#until", UNTIL))
                    .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli())))
                    .returnValuesOnConditionCheckFailure(
                        ReturnValuesOnConditionCheckFailure.ALL_OLD));
        return new Claimed();
      } catch (ConditionalCheckFailedException e) {
        // a server that does not give the record it kept leaves it to be read
        live = e.hasItem() && !e.item().isEmpty() ? e.item() : read(key);
      } catch (SdkException e) {
        throw failed("claim key '" + key + "'", e);
      }
      if (live != null && Long.parseLong(live.get(UNTIL).n()) > now.toEpochMilli()) {
        AttributeValue result = live.get(RESULT);
        if (result == null) {
          return new Running(Instant.ofEpochMilli(Long.parseLong(live.get(UNTIL).n())));
        }
        AttributeValue kept = live.get(FINGERPRINT);
        return new Done(result.b().asByteArray(), kept == null ? null : kept.s());
      }
      // released or expired between the two requests: claim again
    }
    throw new IllegalStateException(
        "The idempotency record of key '"
            + key
            + "' in DynamoDB table '"
            + table
            + "' changed under "
            + CLAIM_TRIES
            + " claims in a row; another process keeps releasing it.");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the record with {@code result} would exceed DynamoDB's
   *     item limit of 400 KB (409,600 bytes); nothing is written then
   */
  @Override
  public void complete(String key, String claimant, byte[] result, Instant keepUntil) {
    long itemBytes =
        attributeBytes(KEY, key)
            + attributeBytes(CLAIMANT, claimant)
            + utf8(RESULT)
            + result.length
            + numberBytes(UNTIL, keepUntil.toEpochMilli())
            + numberBytes(EXPIRES, epochSecondsUp(keepUntil));
    if (itemBytes > MAX_ITEM_BYTES) {
      throw new IllegalArgumentException(
          "The result of idempotency key '"
              + key
              + "' is "
              + result.length
              + " bytes of JSON, which makes a DynamoDB item of at least "
              + itemBytes
              + " bytes; DynamoDB takes items of at most "
              + MAX_ITEM_BYTES
              + " bytes (400 KB), so it was not stored. Let the work return something smaller,"
              + " such as an id to look the rest up by.");
    }
    try {
      client.updateItem(
          b ->
              b.tableName(table)
                  .key(Map.of(KEY, s(key)))
                  .updateExpression("SET #result = :result, #until = :until, #expires = :expires")
                  .conditionExpression("#claimant = :claimant AND attribute_not_exists(#result)")
                  .expressionAttributeNames(
                      Map.of(
                          "#result", RESULT,
                          "#until", UNTIL,
                          "#expires", EXPIRES,
                          "#claimant", CLAIMANT))
                  .expressionAttributeValues(
                      Map.of(
                          ":result", AttributeValue.fromB(SdkBytes.fromByteArray(result)),
                          ":until", n(keepUntil.toEpochMilli()),
                          ":expires", n(epochSecondsUp(keepUntil)),
                          ":claimant", s(claimant))));
    } catch (ConditionalCheckFailedException lost) {
      // the claim passed to another invocation, or was never this claimant's: its record stays
    } catch (SdkException e) {
      throw failed("complete key '" + key + "'", e);
    }
  }

  @Override
  public void release(String key, String claimant) {
    try {
      client.deleteItem(
          b ->
              b.tableName(table)
                  .key(Map.of(KEY, s(key)))
                  .conditionExpression("#claimant = :claimant AND attribute_not_exists(#result)")
                  .expressionAttributeNames(Map.of("#claimant", CLAIMANT, "#result", RESULT))
                  .expressionAttributeValues(Map.of(":claimant", s(claimant))));
    } catch (ConditionalCheckFailedException notHeld) {
      // done, gone, or claimed by another invocation: nothing of this claimant's to remove
    } catch (SdkException e) {
      throw failed("release key '" + key + "'", e);
    }
  }

  /** The record of {@code key} as it is now, or null when it has none. */
  private Map<String, AttributeValue> read(String key) {
    try {
      Map<String, AttributeValue> item =
          client
              .getItem(b -> b.tableName(table).key(Map.of(KEY, s(key))).consistentRead(true))
              .item();
      return item == null || item.isEmpty() ? null : item;
    } catch (SdkException e) {
      throw failed("read the record of key '" + key + "'", e);
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  /** Rounded up, so that time to live never deletes a record before its moment. */
  private static long epochSecondsUp(Instant instant) {
    return Math.floorDiv(instant.toEpochMilli() + 999, 1000);
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static long attributeBytes(String name, String value) {
    return utf8(name) + utf8(value);
  }

  /** As DynamoDB counts a number: one byte per two significant digits, and one. */
  private static long numberBytes(String name, long value) {
    String digits = Long.toString(Math.abs(value)).replaceAll("0+$", "");
    return utf8(name) + (digits.length() + 1) / 2 + 1;
  }

  private IllegalStateException failed(String what, SdkException e) {
    String code =
        e instanceof DynamoDbException d && d.awsErrorDetails() != null
            ? d.awsErrorDetails().errorCode()
            : e.getClass().getSimpleName();
    return new IllegalStateException(
        "The DynamoDB idempotency store on table '"
            + table
            + "' could not "
            + what
            + " ("
            + code
            + "): "
            + e.getMessage(),
        e);
  }
}
