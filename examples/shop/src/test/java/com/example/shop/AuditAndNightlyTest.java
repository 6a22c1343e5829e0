package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.shop.AuditFunction.OrderRow;
import dev.anyfn.DataChange;
import dev.anyfn.ScheduleEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditAndNightlyTest {
  @Test
  void anAuditLineNamesTheOrderAndTheStatusChange() {
    DataChange<OrderRow> change =
        DataChange.<OrderRow>builder()
            .id("change-1")
            .table("orders")
            .kind(DataChange.Kind.MODIFY)
            .keys(Map.of("orderId", "o-1"))
            .oldImage(new OrderRow("o-1", "NEW", 900))
            .newImage(new OrderRow("o-1", "PAID", 900))
            .build();

    assertThat(AuditFunction.describe(change)).isEqualTo("order o-1: NEW -> PAID (MODIFY)");
  }

  @Test
  void aChangeWithoutNewImageIsDescribedFromItsOldImage() {
    DataChange<OrderRow> change =
        DataChange.<OrderRow>builder()
            .id("change-1")
            .table("orders")
            .kind(DataChange.Kind.REMOVE)
            .keys(Map.of("orderId", "o-2"))
            .oldImage(new OrderRow("o-2", "CANCELLED", 0))
            .build();

    assertThat(AuditFunction.describe(change))
        .isEqualTo("order o-2: CANCELLED -> (deleted) (REMOVE)");
  }

  @Test
  void theNightlyRunAtTwoReportsThePreviousUtcDay() {
    ScheduleEvent at2 =
        ScheduleEvent.builder()
            .id("run-1")
            .scheduledTime(Instant.parse("2026-11-27T02:00:00Z"))
            .build();

    assertThat(NightlyReportFunction.reportedDay(at2)).isEqualTo(LocalDate.of(2026, 11, 26));
  }

  @Test
  void anOrderMessageWithoutQuantityIsRejectedWithTheReason() {
    assertThatThrownBy(() -> OrderQueueFunction.parse("{\"orderId\":\"o-1\",\"productId\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an order needs an orderId and a quantity of 1 or more");
    assertThat(OrderQueueFunction.parse("{\"orderId\":\"o-1\",\"productId\":2,\"quantity\":3}"))
        .isEqualTo(new OrderQueueFunction.OrderMessage("o-1", 2, 3));
  }
}
