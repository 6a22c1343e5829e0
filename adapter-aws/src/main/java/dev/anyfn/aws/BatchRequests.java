package dev.anyfn.aws;

import dev.anyfn.core.MessageSender;
import java.util.ArrayList;
import java.util.List;

/**
 * What SQS's {@code SendMessageBatch} and SNS's {@code PublishBatch} share: requests of at most
 * {@value #MAX_ENTRIES} messages and {@value #MAX_REQUEST_BYTES} bytes of bodies, entries numbered
 * by their place in the call, and a {@code Failed} entry ends the call with an exception naming
 * each refusal. Names no AWS SDK type: {@link SqsBatches} and {@link SnsBatches} make the requests.
 */
final class BatchRequests {
  /** The most entries one request takes, on both services. */
  static final int MAX_ENTRIES = 10;

  /** The most bytes of message bodies one request takes, on both services (256 KiB). */
  static final int MAX_REQUEST_BYTES = 262_144;

  /** One entry of a request: its id (the message's index in the call) and the message. */
  record Entry(String id, String message) {}

  /** An entry the service did not take, as its {@code Failed} member says. */
  record Refusal(String id, String code, boolean senderFault, String message) {}

  /** What the service answered to one request. */
  record Answer(int taken, List<Refusal> refused) {}

  /** Makes one batch request of these entries. */
  @FunctionalInterface
  interface Request {
    Answer send(List<Entry> entries);
  }

  private BatchRequests() {}

  /**
   * Sends {@code messages} in order to {@code name} (a queue or topic of {@code service}, at {@code
   * address}), one {@code request} after the other.
   *
   * @throws MessagesRefusedException when the service did not take a message of a request; no later
   *     request is made, and the earlier ones stay sent
   */
  static void sendAll(
      MessagingService service, String name, String address, List<String> messages, Request request)
      throws MessagesRefusedException {
    int from = 0;
    while (from < messages.size()) {
      int to = requestEnd(messages, from);
      List<Entry> entries = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        entries.add(new Entry(Integer.toString(i), messages.get(i)));
      }
      Answer answer = request.send(entries);
      if (!answer.refused().isEmpty()) {
        throw new MessagesRefusedException(
            refusal(service, name, address, messages.size(), from, to, answer));
      }
      from = to;
    }
  }

  /**
   * Where the request that starts at {@code from} ends (exclusive): it takes at least one message,
   * as each is within a request's size already.
   */
  static int requestEnd(List<String> messages, int from) {
    int to = from;
    long bytes = 0;
    while (to < messages.size() && to - from < MAX_ENTRIES) {
      bytes += MessageSender.utf8Bytes(messages.get(to));
      if (to > from && bytes > MAX_REQUEST_BYTES) {
        break;
      }
      to++;
    }
    return to;
  }

  private static String refusal(
      MessagingService service,
      String name,
      String address,
      int total,
      int from,
      int to,
      Answer answer) {
    List<String> entries = new ArrayList<>();
    for (Refusal r : answer.refused()) {
      entries.add(
          (Integer.parseInt(r.id()) + 1)
              + ": "
              + r.code()
              + " ("
              + (r.senderFault() ? "the sender's fault" : service.service() + "'s fault")
              + "): "
              + r.message());
    }
    return service.service()
        + " did not take "
        + answer.refused().size()
        + " of "
        + total
        + " messages "
        + service.done()
        + " to "
        + service.kind()
        + " '"
        + name
        + "' ("
        + address
        + "); the other "
        + answer.taken()
        + " of its "
        + service.operation()
        + " request and the "
        + from
        + " before were taken, the "
        + (total - to)
        + " after were not "
        + service.done()
        + ". Message "
        + String.join("; message ", entries);
  }
}
