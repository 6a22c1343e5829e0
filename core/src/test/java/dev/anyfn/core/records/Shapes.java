package dev.anyfn.core.records;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** Records for {@code RecordJsonTest}: plain ones, which skip databind, and near misses. */
public final class Shapes {
  private Shapes() {}

  /** Every scalar kind, primitive and boxed. */
  public record Scalars(
      String s, int i, long l, boolean b, double d, Integer bi, Long bl, Boolean bb, Double bd) {}

  /** A record inside a record. */
  public record Nested(String name, Scalars inner) {}

  /** Optional components of each kind. */
  public record Optionals(Optional<String> s, Optional<Integer> i, Optional<Nested> n) {}

  /** A record that holds itself. */
  public record Chain(String value, Chain next) {}

  /** A record whose constructor refuses some values. */
  public record Email(String address) {
    public Email {
      if (address != null && !address.contains("@")) {
        throw new IllegalArgumentException("address must contain @");
      }
    }
  }

  /** Not plain: a component renamed by an annotation. */
  public record Renamed(@JsonProperty("n") String name) {}

  /** Not plain: databind also writes the getter. */
  public record WithGetter(String a) {
    public String getB() {
      return a + "b";
    }
  }

  /** Not plain: an interface's default getter. */
  public interface Described {
    default String getDescription() {
      return "described";
    }
  }

  /** Not plain: inherits a getter. */
  public record Inherits(String a) implements Described {}

  /** Not plain: the interface carries a Jackson annotation. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public interface Lenient {}

  /** Not plain: annotated through its interface. */
  public record LenientRecord(String a) implements Lenient {}

  /** Not plain: a boolean named like a bean getter. */
  public record Flag(boolean isActive) {}

  /** Not plain: a type parameter. */
  public record Box<T>(T value) {}

  /** Not plain: a second constructor. */
  public record TwoConstructors(String a) {
    public TwoConstructors() {
      this("x");
    }
  }

  /** Not plain: a list. */
  public record WithList(List<String> values) {}

  /** An enum, not a plain component kind. */
  public enum Color {
    RED
  }

  /** Not plain: an enum component. */
  public record WithEnum(Color color) {}

  /** Not plain: not public. */
  record Hidden(String a) {}

  /** Not plain: holds a record that is not. */
  public record HoldsRenamed(Renamed inner) {}

  /** Not a record at all. */
  public static final class Bean {
    public String a;
  }
}
