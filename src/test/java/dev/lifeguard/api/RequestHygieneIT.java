package dev.lifeguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeguard.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile input: each gets the right 4xx with a body that names the problem in the
 * route's error shape, never a 500 or a stack trace, and the server keeps serving.
 */
@ExtendWith(VertxExtension.class)
class RequestHygieneIT {
  private static final String KEY = "$KEY";
  private static TestGateway gateway;
  private static String key;

  @BeforeAll
  static void start(Vertx vertx) {
    gateway = TestGateway.start(vertx);
    key = gateway.createKey("hygiene");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** One hostile request: where it goes, what it carries, and what must come back. */
  record Case(String name, HttpMethod method, String path, String auth, String contentType, byte[] body, int status, String errorContains) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    List<Case> c = new ArrayList<>();
    String eval = "/v1/evaluate";
    String chat = "/v1/chat/completions";
    post(c, "truncated JSON", eval, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"", 400, "Malformed JSON");
    post(c, "empty body", eval, "", 400, "empty");
    post(c, "JSON null", eval, "null", 400, "must be a JSON object");
    post(c, "array body", eval, "[]", 400, "not an array");
    post(c, "string body", eval, "\"hello\"", 400, "not a string");
    post(c, "number body", eval, "42", 400, "not a number");
    post(c, "deep nesting", eval, "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), 400, "Malformed JSON");
    post(c, "huge number", eval, "{\"text\":\"hi\",\"n\":1" + "0".repeat(10_000) + "}", 400, "Malformed JSON");
    c.add(new Case("invalid UTF-8", HttpMethod.POST, eval, KEY, "application/json",
        concat("{\"text\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "\"}".getBytes(StandardCharsets.UTF_8)),
        400, "Malformed JSON"));
    post(c, "trailing garbage", eval, "{\"text\":\"hi\"} trailing", 400, "Malformed JSON");
    post(c, "duplicate key", eval, "{\"text\":\"a\",\"text\":\"b\"}", 400, "Duplicate field");
    post(c, "empty object", eval, "{}", 400, ConversationRequest.EMPTY_MESSAGE);
    post(c, "messages null", eval, "{\"messages\":null}", 400, ConversationRequest.EMPTY_MESSAGE);
    post(c, "messages object", eval, "{\"messages\":{}}", 400, "\"messages\" must be an array");
    post(c, "messages string", eval, "{\"messages\":\"hi\"}", 400, "\"messages\" must be an array");
    post(c, "messages empty", eval, "{\"messages\":[]}", 400, "at least one message");
    post(c, "message null", eval, "{\"messages\":[null]}", 400, "messages[0] must be an object");
    post(c, "message as array", eval, "{\"messages\":[[\"user\",\"hi\"]]}", 400, "messages[0] must be an object");
    post(c, "system role on NOPE route", eval, "{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}", 400, ConversationRequest.NOPE_ROLE_MESSAGE);
    post(c, "content missing", eval, "{\"messages\":[{\"role\":\"user\"}]}", 400, "messages[0].content is required");
    post(c, "content a number", eval, "{\"messages\":[{\"role\":\"user\",\"content\":123}]}", 400, "messages[0].content");
    post(c, "role missing", eval, "{\"messages\":[{\"content\":\"hi\"}]}", 400, "messages[0].role is required");
    post(c, "101 messages", eval, "{\"messages\":[" + String.join(",", java.util.Collections.nCopies(101, "{\"role\":\"user\",\"content\":\"hi\"}")) + "]}", 400, "Too many messages: 101");
    post(c, "51 KB message", eval, "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(51 * 1024) + "\"}]}", 400, "messages[0].content is too long");
    post(c, "51 KB text", eval, "{\"text\":\"" + "é".repeat(26 * 1024) + "\"}", 400, "text is too long");
    post(c, "text a number", eval, "{\"text\":123}", 400, "\"text\" must be a string");
    post(c, "text and messages", eval, "{\"text\":\"hi\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", 400, "not both");
    post(c, "config a string", eval, "{\"text\":\"hi\",\"config\":\"US\"}", 400, "\"config\" must be an object");
    post(c, "unknown country", eval, "{\"text\":\"hi\",\"config\":{\"user_country\":\"ZZ\"}}", 400, "Unknown country code \"ZZ\"");
    post(c, "country a number", eval, "{\"text\":\"hi\",\"config\":{\"user_country\":1}}", 400, "config.user_country must be a string");
    post(c, "bad age band", eval, "{\"text\":\"hi\",\"config\":{\"user_age_band\":\"toddler\"}}", 400, "config.user_age_band must be one of");
    post(c, "boolean as string", eval, "{\"text\":\"hi\",\"config\":{\"return_assistant_reply\":\"yes\"}}", 400, "config.return_assistant_reply must be true or false");
    post(c, "hostile locale", eval, "{\"text\":\"hi\",\"config\":{\"locale\":\"<script>\"}}", 400, "config.locale");
    post(c, "user_context an object", eval, "{\"text\":\"hi\",\"user_context\":{}}", 400, "\"user_context\" must be a string");
    post(c, "screen: empty", "/v1/screen", "{}", 400, ConversationRequest.EMPTY_MESSAGE);
    post(c, "v0 screen: bad role", "/v0/screen", "{\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}", 400, ConversationRequest.NOPE_ROLE_MESSAGE);
    c.add(new Case("keyless try route still validates", HttpMethod.POST, "/v1/try/evaluate", null, "application/json", b("{}"), 400, ConversationRequest.EMPTY_MESSAGE));
    c.add(new Case("body over 512 KiB", HttpMethod.POST, eval, KEY, "application/json", b("{\"text\":\"" + "a".repeat(600 * 1024) + "\"}"), 413, "Payload too large"));
    c.add(new Case("XML content type", HttpMethod.POST, eval, KEY, "application/xml", b("<messages/>"), 415, "Content-Type must be application/json"));
    c.add(new Case("multipart form", HttpMethod.POST, eval, KEY, "multipart/form-data; boundary=x", b("--x--"), 415, "Content-Type must be application/json"));
    c.add(new Case("no Authorization", HttpMethod.POST, eval, null, "application/json", b("{\"text\":\"hi\"}"), 401, "Missing or invalid Authorization header"));
    c.add(new Case("unknown key", HttpMethod.POST, eval, "nope_live_" + "x".repeat(40), "application/json", b("{\"text\":\"hi\"}"), 401, "Missing or invalid Authorization header"));
    c.add(new Case("garbage key", HttpMethod.POST, eval, "'; DROP TABLE api_keys; --", "application/json", b("{\"text\":\"hi\"}"), 401, "Missing or invalid Authorization header"));
    c.add(new Case("unknown route", HttpMethod.GET, "/v1/nothing-here", KEY, null, null, 404, "Not found"));
    c.add(new Case("wrong method", HttpMethod.GET, eval, KEY, null, null, 405, "not allowed"));
    c.add(new Case("signpost without country", HttpMethod.GET, "/v1/signpost", KEY, null, null, 400, "country is required"));
    c.add(new Case("signpost unknown country", HttpMethod.GET, "/v1/signpost?country=QQ", KEY, null, null, 400, "Unknown country code"));
    c.add(new Case("signpost bad scope", HttpMethod.GET, "/v1/signpost?country=GB&scopes=suicide_prevention", KEY, null, null, 400, "Invalid scope(s): suicide_prevention"));
    c.add(new Case("signpost bad limit", HttpMethod.GET, "/v1/signpost?country=GB&limit=-1", KEY, null, null, 400, "limit must be an integer"));
    c.add(new Case("signpost bad urgent", HttpMethod.GET, "/v1/signpost?country=GB&urgent=maybe", KEY, null, null, 400, "urgent must be true or false"));
    post(c, "OpenAI: robot role", chat, "{\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}", 400, "messages[0].role must be one of");
    post(c, "OpenAI: no messages", chat, "{\"model\":\"x\"}", 400, "\"messages\" (array) is required");
    post(c, "OpenAI: text part not a string", "/v1/safe/chat/completions",
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":5}]}]}", 400, "content[0].text must be a string");
    post(c, "OpenAI: stream not boolean", "/v1/safe", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":\"yes\"}", 400, "\"stream\" must be true or false");
    post(c, "OpenAI: malformed JSON", chat, "{\"messages\":", 400, "Malformed JSON");
    c.add(new Case("OpenAI: body over 512 KiB", HttpMethod.POST, chat, KEY, "application/json", b("{\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(600 * 1024) + "\"}]}"), 413, "Payload too large"));
    c.add(new Case("OpenAI: no Authorization", HttpMethod.POST, chat, null, "application/json", b("{\"messages\":[]}"), 401, "Missing or invalid Authorization header"));
    c.add(new Case("admin: wrong token", HttpMethod.GET, "/admin/v1/keys", "not-the-token", null, null, 401, "admin token"));
    c.add(new Case("admin: bad plan", HttpMethod.POST, "/admin/v1/keys", TestGateway.ADMIN_TOKEN, "application/json", b("{\"name\":\"x\",\"plan\":\"platinum\"}"), 400, "plan must be one of"));
    c.add(new Case("admin: unknown field", HttpMethod.POST, "/admin/v1/keys", TestGateway.ADMIN_TOKEN, "application/json", b("{\"name\":\"x\",\"balance\":5}"), 400, "Unknown field \"balance\""));
    return c.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejects_bad_input_with_a_named_4xx_and_keeps_serving(Case c) {
    HttpRequest<Buffer> request = gateway.client().request(c.method(), c.path()).timeout(30_000);
    if (c.auth() != null) {
      request.putHeader("Authorization", "Bearer " + (KEY.equals(c.auth()) ? key : c.auth()));
    }
    if (c.contentType() != null) {
      request.putHeader("Content-Type", c.contentType());
    }
    HttpResponse<Buffer> response = c.body() == null ? request.send().await() : gateway.sendRaw(request, Buffer.buffer(c.body()));

    assertEquals(c.status(), response.statusCode(), () -> c.name() + ": " + response.bodyAsString());
    String body = response.bodyAsString();
    assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("dev.lifeguard"), "no stack trace: " + body);
    JsonObject json = new JsonObject(body);
    String message = ErrorStyle.forPath(c.path().split("\\?")[0]) == ErrorStyle.OPENAI
        ? json.getJsonObject("error").getString("message")
        : json.getString("error");
    assertTrue(message.contains(c.errorContains()), () -> "expected '" + c.errorContains() + "' in " + body);
    assertTrue(response.getHeader("X-Request-Id") != null, "every response carries X-Request-Id");

    assertEquals(200, gateway.get("/health/live", null).statusCode(), "the server still serves");
  }

  /** A keyed JSON POST; the route decides the error shape (NOPE or OpenAI) the test then reads. */
  private static void post(List<Case> c, String name, String path, String body, int status, String error) {
    c.add(new Case(name, HttpMethod.POST, path, KEY, "application/json", b(body), status, error));
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
