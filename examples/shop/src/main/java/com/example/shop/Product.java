package com.example.shop;

/**
 * A product of the shop; prices in cents so that sums are exact.
 *
 * @param id the product id
 * @param name the display name
 * @param priceCents the price in euro cents
 */
public record Product(long id, String name, long priceCents) {}
