package dev.anyfn.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiDocumentsTest {
  private static final String SHOP =
      """
      {"openapi":"3.1.0","info":{"title":"shop","version":"1"},"tags":[{"name":"orders"}],
       "paths":{"/orders":{"post":{"operationId":"order"}}},
       "components":{"schemas":{"Order":{"type":"object"},"anyfn.Problem":{"type":"object"}}}}
      """;
  private static final String CATALOG =
      """
      {"openapi":"3.1.0","info":{"title":"catalog","version":"2"},
       "tags":[{"name":"orders"},{"name":"products"}],
       "paths":{"/orders":{"post":{"operationId":"other"},"get":{"operationId":"list"}},
                "/products":{"get":{"operationId":"products"}}},
       "components":{"schemas":{"Order":{"type":"string"},"Product":{"type":"object"}}}}
      """;

  @Test
  void aSingleDocumentIsReturnedAsItIs() throws IOException {
    byte[] only = SHOP.getBytes(StandardCharsets.UTF_8);

    assertThat(OpenApiDocuments.merge(List.of(only))).isSameAs(only);
  }

  @Test
  void mergesPathsOperationsTagsAndSchemasTheFirstDocumentWinningWhereTheyClash()
      throws IOException {
    JsonNode merged =
        new ObjectMapper()
            .readTree(
                OpenApiDocuments.merge(
                    List.of(
                        SHOP.getBytes(StandardCharsets.UTF_8),
                        CATALOG.getBytes(StandardCharsets.UTF_8))));

    assertThat(merged.at("/info/title").asText()).isEqualTo("shop");
    assertThat(merged.at("/paths/~1orders/post/operationId").asText()).isEqualTo("order");
    assertThat(merged.at("/paths/~1orders/get/operationId").asText()).isEqualTo("list");
    assertThat(merged.at("/paths/~1products/get/operationId").asText()).isEqualTo("products");
    assertThat(merged.get("tags").toString())
        .isEqualTo("[{\"name\":\"orders\"},{\"name\":\"products\"}]");
    assertThat(merged.at("/components/schemas/Order/type").asText()).isEqualTo("object");
    assertThat(merged.at("/components/schemas/Product/type").asText()).isEqualTo("object");
    assertThat(merged.at("/components/schemas/anyfn.Problem/type").asText()).isEqualTo("object");
  }

  @Test
  void movesEachOperationUnderItsFunctionsName() throws IOException {
    String doc =
        """
        {"paths":{"/":{"get":{"tags":["site"]}},
                  "/items":{"get":{"tags":["api"]},"post":{"tags":["admin"]}}}}
        """;

    JsonNode moved =
        new ObjectMapper()
            .readTree(OpenApiDocuments.underFunctionNames(doc.getBytes(StandardCharsets.UTF_8)));

    assertThat(moved.get("paths").toString())
        .isEqualTo(
            "{\"/site\":{\"get\":{\"tags\":[\"site\"]}},"
                + "\"/api/items\":{\"get\":{\"tags\":[\"api\"]}},"
                + "\"/admin/items\":{\"post\":{\"tags\":[\"admin\"]}}}");
  }

  @Test
  void refusesADocumentThatIsNotAJsonObject() {
    assertThatThrownBy(
            () ->
                OpenApiDocuments.merge(
                    List.of(SHOP.getBytes(StandardCharsets.UTF_8), "[1]".getBytes())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("found ARRAY");
  }
}
