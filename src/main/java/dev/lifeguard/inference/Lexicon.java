package dev.lifeguard.inference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Word evidence beside the sentence encoder: one linear model per output over hashed text features.
 * A frozen sentence vector says what a text is about and how it is put ("can I freeze cooked rice,
 * how long does it last" sits near "how long do pills take"); the words themselves separate such
 * neighbours. Its logits are appended to the encoder vector, so the heads learn how far to trust them.
 *
 * <p>Each output reads one {@link Family} of features, named by its prefix ({@code words:risk},
 * {@code chars:risk}; a name without a prefix reads words): whole words and word pairs, or the
 * character 3–5-grams inside words, which still match "k1ll", "sewerslide", typos, and the
 * inflections of Spanish, French, German, Portuguese and Italian that whole words miss.
 *
 * <p>A text longer than {@link #CHUNK_WORDS} words is read in overlapping chunks and each output
 * keeps its highest logit: like the encoder's windows, a long post is as risky as its riskiest
 * part, and the sum over hundreds of words never swamps one sentence.
 *
 * <p>Stored as {@code lexicon-message.bin}: magic, version, buckets, outputs, then the biases and
 * the weights (bucket-major), all little-endian; the output names live in heads.json. Immutable and
 * thread-safe.
 */
public final class Lexicon {
  /** Hash buckets: 2^16 measured within 0.3 AUC points of 2^18 on the corpus at a quarter of the size. */
  public static final int BUCKETS = 1 << 16;
  public static final int CHUNK_WORDS = 96;
  private static final int CHUNK_STRIDE = CHUNK_WORDS / 2;
  private static final int MAGIC = 0x4c474c58; // "LGLX"
  private static final int VERSION = 1;
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

  /** What an output counts. Both hash into the same buckets; an output only ever sums its own family's. */
  public enum Family {
    /** Each word ("u:") and each adjacent pair ("b:"). */
    WORDS("words") {
      @Override
      void features(List<String> words, int from, int to, Consumer<String> sink) {
        for (int i = from; i < to; i++) {
          sink.accept("u:" + words.get(i));
          if (i + 1 < to) {
            sink.accept("b:" + words.get(i) + " " + words.get(i + 1));
          }
        }
      }
    },
    /** Character 3-, 4- and 5-grams of each word padded with spaces (" kil", "ill "), so word edges count. */
    CHARS("chars") {
      @Override
      void features(List<String> words, int from, int to, Consumer<String> sink) {
        for (int i = from; i < to; i++) {
          String padded = " " + words.get(i) + " ";
          for (int n = 3; n <= 5; n++) {
            for (int at = 0; at + n <= padded.length(); at++) {
              sink.accept("c:" + padded.substring(at, at + n));
            }
          }
        }
      }
    };

    private final String prefix;

    Family(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }

    /** The output name for a label read through this family: {@code words:risk}. */
    public String output(String label) {
      return prefix + ":" + label;
    }

    abstract void features(List<String> words, int from, int to, Consumer<String> sink);

    /** The distinct buckets of {@code words[from, to)}, ascending. */
    public int[] buckets(List<String> words, int from, int to) {
      IntStream.Builder out = IntStream.builder();
      features(words, from, to, f -> out.add(bucket(f)));
      return out.build().sorted().distinct().toArray();
    }

    static Family of(String output) {
      for (Family f : values()) {
        if (output.startsWith(f.prefix + ":")) {
          return f;
        }
      }
      if (output.contains(":")) {
        throw new IllegalStateException("lexicon output " + output + " names no known feature family");
      }
      return WORDS;
    }
  }

  private final List<String> outputs;
  private final Family[] families;
  private final float[] bias;
  private final float[] weights; // [bucket * outputs + k]

  public Lexicon(List<String> outputs, float[] bias, float[] weights) {
    this.outputs = List.copyOf(outputs);
    if (bias.length != outputs.size() || weights.length != BUCKETS * outputs.size()) {
      throw new IllegalArgumentException("a lexicon needs one bias per output and " + BUCKETS + " weights per output");
    }
    this.families = outputs.stream().map(Family::of).toArray(Family[]::new);
    this.bias = bias.clone();
    this.weights = weights.clone();
  }

  public List<String> outputs() {
    return outputs;
  }

  /** Lower-cased words: letters, digits and apostrophes ("don't", "i'm"). */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** The distinct word and word-pair buckets of {@code words[from, to)}, ascending. */
  public static int[] buckets(List<String> words, int from, int to) {
    return Family.WORDS.buckets(words, from, to);
  }

  /** Word spans [from, to) read as one: the whole text, or overlapping chunks of a long one. */
  static List<int[]> chunks(List<String> words) {
    List<int[]> out = new ArrayList<>();
    if (words.size() <= CHUNK_WORDS) {
      out.add(new int[] {0, words.size()});
      return out;
    }
    for (int from = 0; ; from += CHUNK_STRIDE) {
      int to = Math.min(words.size(), from + CHUNK_WORDS);
      out.add(new int[] {from, to});
      if (to == words.size()) {
        return out;
      }
    }
  }

  /** FNV-1a over the UTF-16 units, then a final mix so the low bits depend on every character. */
  static int bucket(String feature) {
    int h = 0x811c9dc5;
    for (int i = 0; i < feature.length(); i++) {
      h ^= feature.charAt(i);
      h *= 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h & (BUCKETS - 1);
  }

  /** One logit per output for a text: the highest over its chunks. */
  public float[] logits(String text) {
    List<String> words = words(text);
    float[] best = null;
    for (int[] span : chunks(words)) {
      float[] z = logits(words, span[0], span[1]);
      if (best == null) {
        best = z;
      } else {
        for (int k = 0; k < z.length; k++) {
          best[k] = Math.max(best[k], z[k]);
        }
      }
    }
    return best;
  }

  /** Logits for one chunk: each output sums its family's buckets. */
  private float[] logits(List<String> words, int from, int to) {
    int k = outputs.size();
    float[] z = bias.clone();
    Map<Family, int[]> buckets = new EnumMap<>(Family.class);
    for (int o = 0; o < k; o++) {
      for (int b : buckets.computeIfAbsent(families[o], f -> f.buckets(words, from, to))) {
        z[o] += weights[b * k + o];
      }
    }
    return z;
  }
  public byte[] toBytes() {
    ByteBuffer buf = ByteBuffer.allocate(16 + 4 * (bias.length + weights.length)).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(MAGIC).putInt(VERSION).putInt(BUCKETS).putInt(outputs.size());
    for (float b : bias) {
      buf.putFloat(b);
    }
    for (float w : weights) {
      buf.putFloat(w);
    }
    return buf.array();
  }

  /** Reads {@link #toBytes()}; the output names come from heads.json. */
  public static Lexicon fromBytes(byte[] bytes, List<String> outputs) {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 16 || buf.getInt() != MAGIC || buf.getInt() != VERSION) {
      throw new IllegalStateException("not a version " + VERSION + " Lifeguard lexicon");
    }
    int buckets = buf.getInt();
    int k = buf.getInt();
    if (buckets != BUCKETS || k != outputs.size() || bytes.length != 16 + 4 * (k + buckets * k)) {
      throw new IllegalStateException("lexicon has " + buckets + " buckets × " + k + " outputs, expected "
          + BUCKETS + " × " + outputs.size() + " in " + bytes.length + " bytes");
    }
    float[] bias = new float[k];
    for (int i = 0; i < k; i++) {
      bias[i] = buf.getFloat();
    }
    float[] weights = new float[buckets * k];
    buf.asFloatBuffer().get(weights);
    return new Lexicon(outputs, bias, weights);
  }
}
