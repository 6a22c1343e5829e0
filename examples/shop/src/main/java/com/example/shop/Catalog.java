package com.example.shop;

import java.util.List;
import java.util.Optional;

/**
 * The products the shop sells. Fixed here to keep the example self-contained; a real shop reads
 * them from a database at init. Immutable and thread-safe.
 */
final class Catalog {
  static final List<Product> PRODUCTS =
      List.of(
          new Product(1, "Espresso cup", 900),
          new Product(2, "Moka pot", 3400),
          new Product(3, "Coffee beans, 1 kg", 2200));

  private Catalog() {}

  static Optional<Product> product(long id) {
    return PRODUCTS.stream().filter(p -> p.id() == id).findFirst();
  }
}
