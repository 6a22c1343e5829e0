package dev.anyfn.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The three projects every adapter is first tried with, and the exact index each produces. */
class SeedScenariosTest {
  @Test
  void indexesLoginFunctionTakingAndReturningRecords() {
    String index =
        Compilation.compile(
                """
                public record Login(String user, String password) {}
                """,
                """
                public record LoginResult(String token) {}
                """,
                """
                @ServerlessFunction("login")
                public class Auth {
                  @Route(value = "/login", method = HttpMethod.POST)
                  public LoginResult login(Login body) {
                    return new LoginResult("t-" + body.user());
                  }
                }
                """)
            .assertIndex();

    assertThat(index)
        .isEqualTo(
            """
            {
              "formatVersion": 1,
              "functions": [
                {
                  "name": "login",
                  "className": "com.example.Auth",
                  "memoryMb": 512,
                  "timeoutSeconds": 30,
                  "maxInstances": 10,
                  "initMethods": [],
                  "shutdownMethods": [],
                  "handlers": [
                    {
                      "method": "login",
                      "parameterTypes": ["com.example.Login"],
                      "returnType": "com.example.LoginResult",
                      "returnKind": "JSON",
                      "trigger": { "kind": "HTTP", "method": "POST", "path": "/login" },
                      "parameters": [
                        { "source": "BODY", "type": "com.example.Login", "genericType": "com.example.Login" }
                      ]
                    }
                  ]
                }
              ]
            }
            """);
  }

  @Test
  void indexesWebsiteRoutesInSourceOrder() {
    String index =
        Compilation.compile(
                """
                @ServerlessFunction
                public class Website {
                  @Route("/")
                  public String home() {
                    return "home";
                  }

                  @Route("/about")
                  public HttpResponse about() {
                    return HttpResponse.ok("about");
                  }

                  @Route("/contact")
                  public String contact(HttpRequest request) {
                    return "contact";
                  }
                }
                """)
            .assertIndex();

    assertThat(index)
        .isEqualTo(
            """
            {
              "formatVersion": 1,
              "functions": [
                {
                  "name": "website",
                  "className": "com.example.Website",
                  "memoryMb": 512,
                  "timeoutSeconds": 30,
                  "maxInstances": 10,
                  "initMethods": [],
                  "shutdownMethods": [],
                  "handlers": [
                    {
                      "method": "home",
                      "parameterTypes": [],
                      "returnType": "java.lang.String",
                      "returnKind": "TEXT",
                      "trigger": { "kind": "HTTP", "method": "GET", "path": "/" },
                      "parameters": []
                    },
                    {
                      "method": "about",
                      "parameterTypes": [],
                      "returnType": "dev.anyfn.HttpResponse",
                      "returnKind": "RESPONSE",
                      "trigger": { "kind": "HTTP", "method": "GET", "path": "/about" },
                      "parameters": []
                    },
                    {
                      "method": "contact",
                      "parameterTypes": ["dev.anyfn.HttpRequest"],
                      "returnType": "java.lang.String",
                      "returnKind": "TEXT",
                      "trigger": { "kind": "HTTP", "method": "GET", "path": "/contact" },
                      "parameters": [
                        { "source": "REQUEST" }
                      ]
                    }
                  ]
                }
              ]
            }
            """);
  }

  @Test
  void indexesMultiFunctionProjectSortedByName() {
    String index =
        Compilation.compile(
                """
                @ServerlessFunction
                public class Website {
                  @Route("/")
                  public String home() {
                    return "home";
                  }
                }
                """,
                """
                @ServerlessFunction(value = "mobile-api", memoryMb = 1024, maxInstances = 50)
                public class MobileApi {
                  public record User(long id, String name) {}

                  @OnInit
                  public void connect(InitContext init) {}

                  @Route("/users/{id}")
                  public User user(@PathParam("id") long id, Context context) {
                    return new User(id, "ada");
                  }

                  @OnShutdown
                  public void close() {}
                }
                """,
                """
                @ServerlessFunction(timeoutSeconds = 120)
                public class ImageResize {
                  @OnStorage(bucket = "uploads")
                  public void resize(StorageEvent event) {}
                }
                """)
            .assertIndex();

    assertThat(index)
        .isEqualTo(
            """
            {
              "formatVersion": 1,
              "functions": [
                {
                  "name": "image-resize",
                  "className": "com.example.ImageResize",
                  "memoryMb": 512,
                  "timeoutSeconds": 120,
                  "maxInstances": 10,
                  "initMethods": [],
                  "shutdownMethods": [],
                  "handlers": [
                    {
                      "method": "resize",
                      "parameterTypes": ["dev.anyfn.StorageEvent"],
                      "returnType": "void",
                      "returnKind": "VOID",
                      "trigger": { "kind": "STORAGE", "bucket": "uploads", "events": ["CREATED"] },
                      "parameters": [
                        { "source": "EVENT", "type": "dev.anyfn.StorageEvent" }
                      ]
                    }
                  ]
                },
                {
                  "name": "mobile-api",
                  "className": "com.example.MobileApi",
                  "memoryMb": 1024,
                  "timeoutSeconds": 30,
                  "maxInstances": 50,
                  "initMethods": [
                    { "name": "connect", "parameterTypes": ["dev.anyfn.InitContext"] }
                  ],
                  "shutdownMethods": [
                    { "name": "close", "parameterTypes": [] }
                  ],
                  "handlers": [
                    {
                      "method": "user",
                      "parameterTypes": ["long", "dev.anyfn.Context"],
                      "returnType": "com.example.MobileApi$User",
                      "returnKind": "JSON",
                      "trigger": { "kind": "HTTP", "method": "GET", "path": "/users/{id}" },
                      "parameters": [
                        { "source": "PATH", "name": "id", "type": "long", "optional": false },
                        { "source": "CONTEXT" }
                      ]
                    }
                  ]
                },
                {
                  "name": "website",
                  "className": "com.example.Website",
                  "memoryMb": 512,
                  "timeoutSeconds": 30,
                  "maxInstances": 10,
                  "initMethods": [],
                  "shutdownMethods": [],
                  "handlers": [
                    {
                      "method": "home",
                      "parameterTypes": [],
                      "returnType": "java.lang.String",
                      "returnKind": "TEXT",
                      "trigger": { "kind": "HTTP", "method": "GET", "path": "/" },
                      "parameters": []
                    }
                  ]
                }
              ]
            }
            """);
  }
}
