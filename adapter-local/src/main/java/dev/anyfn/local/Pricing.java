package dev.anyfn.local;

import dev.anyfn.Provider;
import java.util.EnumMap;
import java.util.Map;

/**
 * The list prices behind the emulator's cost estimates: public on-demand prices, US regions, x86,
 * without free tiers, savings plans or committed-use discounts, as published on the providers'
 * pricing pages (aws.amazon.com/lambda/pricing, cloud.google.com/run/pricing for Cloud Run
 * functions, azure.microsoft.com/pricing/details/functions for the Consumption plan) and recorded
 * on {@value #PRICES_AS_OF}. They were recorded by hand, not fetched: on 2026-11-27 they matched
 * the AWS pricing whitepaper and secondary copies of the Google and Microsoft pages, but the live
 * pages were not checked and prices change.
 *
 * <p>The result is an <b>estimate</b>, never a bill: it ignores free tiers, regional prices, Arm,
 * Azure's billing of observed (not configured) memory, Google's instance-based billing and every
 * other service a function calls. {@link #NOTE} says so wherever a figure is shown.
 */
final class Pricing {
  static final String PRICES_AS_OF = "2025-06-01";

  /** Shown next to every cost figure (start banner, {@code /_anyfn/metrics}). */
  static final String NOTE =
      "Estimated cost from list prices recorded "
          + PRICES_AS_OF
          + " (US regions, on-demand, no free tier), not fetched from the providers; an estimate,"
          + " not a bill. Check the providers' pricing pages before relying on it.";

  /** AWS Lambda: USD 0.20 per million requests. */
  static final double AWS_PER_REQUEST = 0.20 / 1_000_000;

  /** AWS Lambda: USD 0.0000166667 per GB-second (first pricing tier). */
  static final double AWS_PER_GB_SECOND = 0.0000166667;

  /** Cloud Run functions: USD 0.40 per million requests. */
  static final double GCP_PER_REQUEST = 0.40 / 1_000_000;

  /** Cloud Run functions (request-based billing, tier 1): USD 0.0000025 per GiB-second. */
  static final double GCP_PER_GB_SECOND = 0.0000025;

  /** Cloud Run functions (tier 1): USD 0.000024 per vCPU-second. */
  static final double GCP_PER_VCPU_SECOND = 0.000024;

  /** Azure Functions Consumption: USD 0.20 per million executions. */
  static final double AZURE_PER_REQUEST = 0.20 / 1_000_000;

  /** Azure Functions Consumption: USD 0.000016 per GB-second. */
  static final double AZURE_PER_GB_SECOND = 0.000016;

  private Pricing() {}

  static Map<Provider, Double> estimate(long requests, long billedMillis, int memoryMb) {
    double seconds = billedMillis / 1000.0;
    double gbSeconds = seconds * memoryMb / 1024.0;
    // Google sizes CPU with memory: 1 vCPU per 2 GiB, at least 1/12 vCPU (the 128 MB tier).
    double vcpu = Math.max(1.0 / 12, memoryMb / 2048.0);
    // Azure rounds memory up to 128 MB steps and bills at least 100 ms per execution.
    double azureGb = Math.ceil(memoryMb / 128.0) * 128 / 1024.0;
    double azureSeconds = Math.max(seconds, requests * 0.1);
    Map<Provider, Double> cost = new EnumMap<>(Provider.class);
    cost.put(Provider.AWS, requests * AWS_PER_REQUEST + gbSeconds * AWS_PER_GB_SECOND);
    cost.put(
        Provider.GCP,
        requests * GCP_PER_REQUEST
            + gbSeconds * GCP_PER_GB_SECOND
            + seconds * vcpu * GCP_PER_VCPU_SECOND);
    cost.put(
        Provider.AZURE,
        requests * AZURE_PER_REQUEST + azureSeconds * azureGb * AZURE_PER_GB_SECOND);
    return cost;
  }
}
