package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.DataChange;
import dev.anyfn.Event;
import dev.anyfn.ScheduleEvent;
import dev.anyfn.StorageEvent;
import dev.anyfn.core.fixtures.ChangesFunction;
import dev.anyfn.core.index.TriggerSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A function with several handlers of one kind, as a cloud delivers to it: AWS sends a bucket's or
 * table's events, of every kind, to the one Lambda; Google and Azure deploy one entry per trigger
 * and say which.
 */
class SeveralHandlersOfOneKindTest {
  private final TestRuntime rt = new TestRuntime();
  private final FunctionInstance instance = rt.instance("fx-changes");
  private final ChangesFunction target = (ChangesFunction) instance.target();

  private BatchOutcome deliver(List<? extends Event> events) {
    return instance.handleEvents(events, rt.context("fx-changes"));
  }

  private static StorageEvent file(String id, StorageEvent.Kind kind, String key) {
    return StorageEvent.builder().id(id).bucket("docs").kind(kind).key(key).build();
  }

  private static DataChange<String> row(String id, DataChange.Kind kind) {
    return DataChange.<String>builder()
        .id("c-" + id)
        .table("rows")
        .kind(kind)
        .keys(Map.of("id", id))
        .build();
  }

  @Test
  void aBucketsCreatedAndDeletedFilesGoToTheirOwnHandlersAndFailuresKeepTheirIndex() {
    BatchOutcome o =
        deliver(
            List.of(
                file("e1", StorageEvent.Kind.CREATED, "a"),
                file("e2", StorageEvent.Kind.DELETED, "bad"),
                file("e3", StorageEvent.Kind.DELETED, "b")));

    assertThat(target.seen).containsExactlyInAnyOrder("created:a", "deleted:b");
    assertThat(o.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.index()).isEqualTo(1))
        .satisfies(f -> assertThat(f.eventId()).isEqualTo("e2"));
  }

  @Test
  void aStreamBatchOfInsertsAndRemovalsReachesEachHandlerInOrderAndSkipsOtherKinds() {
    BatchOutcome o =
        deliver(
            List.of(
                row("1", DataChange.Kind.INSERT),
                row("2", DataChange.Kind.REMOVE),
                row("3", DataChange.Kind.MODIFY),
                row("4", DataChange.Kind.INSERT)));

    assertThat(o.allSucceeded()).isTrue();
    assertThat(target.seen).containsExactly("inserted:1", "inserted:4", "removed:2");
  }

  @Test
  void twoSchedulesNeedTheTriggerNamedAndThenEachRunsItsOwnHandler() {
    ScheduleEvent tick = ScheduleEvent.builder().id("t1").build();
    TriggerSpec nightly =
        instance.definition().spec().triggers().stream()
            .filter(t -> t.describe().contains("cron"))
            .findFirst()
            .orElseThrow();

    assertThatThrownBy(() -> deliver(List.of(tick)))
        .isInstanceOf(NoMatchingTriggerException.class)
        .hasMessageContaining("several triggers and none named for SCHEDULE events");
    assertThat(
            instance.handleEvents(nightly, List.of(tick), rt.context("fx-changes")).allSucceeded())
        .isTrue();
    assertThat(target.seen).containsExactly("nightly");
  }
}
