package dev.lifeguard.classifier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lifeguard.assessment.ChatMessage;
import dev.lifeguard.inference.ProbeHeads;
import dev.lifeguard.inference.ProbeLabels;
import dev.lifeguard.inference.ProbeScores;
import dev.lifeguard.inference.TextEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Probe scores for every turn of a conversation: user turns read in context, assistant turns
 * judged against theirs, system turns not scored. Results are cached by a hash of exactly what the
 * heads saw, so a chat that re-sends its history pays only for its new turn.
 */
public final class MessageScorer {
  private final TextEncoder encoder;
  private final ProbeHeads heads;
  private final Cache<String, ProbeScores> cache;

  public MessageScorer(TextEncoder encoder, ProbeHeads heads, int cacheEntries) {
    this.encoder = encoder;
    this.heads = heads;
    this.cache = Caffeine.newBuilder().maximumSize(cacheEntries).build();
  }

  /** Scores several conversations at once; turns they share are computed once. */
  public List<List<ProbeScores>> score(List<List<ChatMessage>> conversations) {
    Map<String, ProbeScores> resolved = new HashMap<>();
    Map<String, Turn> needed = new LinkedHashMap<>();
    List<List<String>> keys = new ArrayList<>();
    for (List<ChatMessage> messages : conversations) {
      List<String> own = new ArrayList<>(messages.size());
      for (int i = 0; i < messages.size(); i++) {
        Turn turn = Turn.of(messages, i);
        String key = turn == null ? null : turn.key();
        own.add(key);
        if (key != null && !resolved.containsKey(key)) {
          // Read the cache once per key: an entry evicted between two reads must not lose a result.
          ProbeScores cached = cache.getIfPresent(key);
          if (cached != null) {
            resolved.put(key, cached);
          } else {
            needed.putIfAbsent(key, turn);
          }
        }
      }
      keys.add(own);
    }
    computeInto(needed, resolved);
    List<List<ProbeScores>> out = new ArrayList<>(conversations.size());
    for (List<String> own : keys) {
      out.add(own.stream().map(key -> key == null ? ProbeScores.EMPTY : resolved.get(key)).toList());
    }
    return out;
  }

  public long cachedEntries() {
    return cache.estimatedSize();
  }

  private void computeInto(Map<String, Turn> needed, Map<String, ProbeScores> resolved) {
    if (needed.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>();
    for (Turn t : needed.values()) {
      texts.add(t.text());
      if (t.assistant()) {
        texts.add(t.context());
      }
    }
    List<float[][]> vectors = encoder.encode(texts);
    int at = 0;
    for (Map.Entry<String, Turn> e : needed.entrySet()) {
      Turn t = e.getValue();
      float[][] windows = vectors.get(at++);
      ProbeScores result = t.assistant()
          ? heads.scoreAssistant(ProbeHeads.messageVector(windows), ProbeHeads.messageVector(vectors.get(at++)))
          : maxOverWindows(windows, t.text());
      resolved.put(e.getKey(), result);
      cache.put(e.getKey(), result);
    }
  }

  /**
   * A long message is as risky as its riskiest window: each window (a short text, like the
   * training examples) is scored and the highest probability kept per label; the subject comes from
   * the window that carries the most risk.
   */
  private ProbeScores maxOverWindows(float[][] windows, String text) {
    if (windows.length == 1) {
      return heads.score(windows[0], text);
    }
    List<float[]> each = new ArrayList<>(windows.length);
    for (float[] w : windows) {
      each.add(w);
    }
    List<ProbeScores> scored = heads.score(each, text);
    ProbeScores riskiest = scored.get(0);
    Map<String, Float> max = new HashMap<>();
    for (ProbeScores s : scored) {
      if (s.get(ProbeLabels.RISK) > riskiest.get(ProbeLabels.RISK)) {
        riskiest = s;
      }
      s.values().forEach((label, v) -> max.merge(label, v, Math::max));
    }
    for (Map.Entry<String, Float> e : riskiest.values().entrySet()) {
      if (e.getKey().startsWith(ProbeLabels.SUBJECT_PREFIX)) {
        max.put(e.getKey(), e.getValue());
      }
    }
    return new ProbeScores(max, riskiest.thresholds());
  }

  /** What the heads see for one turn. */
  private static final class Turn {
    private final boolean assistant;
    private final String text;
    private final String context;

    private Turn(boolean assistant, String text, String context) {
      this.assistant = assistant;
      this.text = text;
      this.context = context;
    }

    static Turn of(List<ChatMessage> messages, int i) {
      String role = messages.get(i).role();
      if ("user".equals(role)) {
        return new Turn(false, ContextWindow.textFor(messages, i), "");
      }
      if ("assistant".equals(role) && !messages.get(i).content().isBlank()) {
        return new Turn(true, messages.get(i).content(), ContextWindow.contextFor(messages, i));
      }
      return null;
    }

    boolean assistant() {
      return assistant;
    }

    String text() {
      return text;
    }

    String context() {
      return context;
    }

    String key() {
      return sha256((assistant ? "a\u0000" : "u\u0000") + text + "\u0000" + context);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
