package dev.lifeguard.api;

/** Which error envelope a route speaks: NOPE clients read a string, OpenAI clients an object. */
public enum ErrorStyle {
  NOPE, OPENAI;

  public static ErrorStyle forPath(String path) {
    if (path == null) {
      return NOPE;
    }
    if (path.equals("/v1/safe") || path.startsWith("/v1/safe/") || path.startsWith("/v1/chat/") || path.equals("/v1/models")) {
      return OPENAI;
    }
    return NOPE;
  }
}
