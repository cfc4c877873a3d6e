package dev.lifeguard.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A BERT-style sentence encoder run with ONNX Runtime: tokenise without the tokenizer file's fixed
 * padding and truncation, cover long texts with overlapping windows, mean-pool each chosen hidden
 * layer ({@link EncoderLayers}) over real tokens, L2-normalise each and join them into one unit vector.
 */
public final class OnnxTextEncoder implements TextEncoder {
  /** Content tokens per window; MiniLM was trained on sequences of this order. */
  public static final int WINDOW_TOKENS = 128;
  /** Windows advance by this much, so consecutive windows share 32 tokens and no phrase is split unseen. */
  public static final int WINDOW_STRIDE = 96;

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean needsTypeIds;
  private final long clsId;
  private final long sepId;
  private final int dimension;
  private final String name;
  private final EncoderLayers layers;

  private OnnxTextEncoder(EncoderSource source, int intraOpThreads) throws OrtException, IOException {
    this.name = source.name();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(intraOpThreads);
    options.setInterOpNumThreads(1);
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    byte[] model = source.modelBytes();
    this.layers = EncoderLayers.of(model);
    this.session = env.createSession(layers.tap(model), options);
    this.needsTypeIds = session.getInputNames().contains("token_type_ids");
    Map<String, String> tokenizerOptions = Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "false");
    this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(source.tokenizerBytes()), tokenizerOptions);
    long[] specials = tokenizer.encode("", true, false).getIds();
    if (specials.length != 2) {
      throw new IllegalStateException("encoder " + name + ": expected [CLS] [SEP] around an empty text, got " + specials.length + " tokens");
    }
    this.clsId = specials[0];
    this.sepId = specials[1];
    this.dimension = encode(List.of("dimension probe")).get(0)[0].length;
  }

  public static OnnxTextEncoder load(EncoderSource source, int intraOpThreads) {
    try {
      return new OnnxTextEncoder(source, intraOpThreads);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load encoder " + source.name() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load tokenizer of encoder " + source.name(), e);
    }
  }

  public String name() {
    return name;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public String layers() {
    return layers.description();
  }

  @Override
  public int tokenCount(String text) {
    return tokenizer.encode(text, false, false).getIds().length;
  }

  @Override
  public List<float[][]> encode(List<String> texts) {
    List<long[]> windows = new ArrayList<>();
    int[] windowsPerText = new int[texts.size()];
    for (int t = 0; t < texts.size(); t++) {
      Encoding encoding = tokenizer.encode(texts.get(t), false, false);
      List<long[]> own = windows(encoding.getIds());
      windowsPerText[t] = own.size();
      windows.addAll(own);
    }
    float[][] vectors = runEach(windows);
    List<float[][]> out = new ArrayList<>(texts.size());
    int at = 0;
    for (int count : windowsPerText) {
      float[][] own = new float[count][];
      System.arraycopy(vectors, at, own, 0, count);
      at += count;
      out.add(own);
    }
    return out;
  }

  /** [CLS] + up to WINDOW_TOKENS content tokens + [SEP], advancing by WINDOW_STRIDE; at least one window. */
  List<long[]> windows(long[] ids) {
    List<long[]> out = new ArrayList<>();
    int start = 0;
    do {
      int end = Math.min(ids.length, start + WINDOW_TOKENS);
      long[] window = new long[end - start + 2];
      window[0] = clsId;
      System.arraycopy(ids, start, window, 1, end - start);
      window[window.length - 1] = sepId;
      out.add(window);
      if (end == ids.length) {
        break;
      }
      start += WINDOW_STRIDE;
    } while (true);
    return out;
  }

  /**
   * Every window runs alone. The quantized encoder's dynamic quantization scales over the whole
   * batch, so batch-mates (even of equal length) would shift a message's vector; results are cached
   * by content and must not depend on what happened to arrive together. Throughput comes from
   * several worker threads instead.
   */
  private float[][] runEach(List<long[]> windows) {
    float[][] out = new float[windows.size()][];
    for (int i = 0; i < windows.size(); i++) {
      out[i] = run(List.of(windows.get(i)))[0];
    }
    return out;
  }

  private float[][] run(List<long[]> windows) {
    int batch = windows.size();
    int length = windows.stream().mapToInt(w -> w.length).max().orElse(2);
    long[] ids = new long[batch * length];
    long[] mask = new long[batch * length];
    for (int b = 0; b < batch; b++) {
      long[] w = windows.get(b);
      System.arraycopy(w, 0, ids, b * length, w.length);
      for (int i = 0; i < w.length; i++) {
        mask[b * length + i] = 1;
      }
    }
    long[] shape = {batch, length};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
         OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
         OnnxTensor typeTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[batch * length]), shape)) {
      inputs.put("input_ids", idTensor);
      inputs.put("attention_mask", maskTensor);
      if (needsTypeIds) {
        inputs.put("token_type_ids", typeTensor);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        List<float[][][]> hidden = new ArrayList<>(layers.outputs().size());
        for (String output : layers.outputs()) {
          hidden.add((float[][][]) result.get(output).orElseThrow().getValue());
        }
        return pool(hidden, windows);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("encoder " + name + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Per layer, the mean over real tokens, L2-normalised (what sentence-transformers does for MiniLM's
   * last layer); the layers side by side, scaled so the whole vector has unit length.
   */
  private static float[][] pool(List<float[][][]> layers, List<long[]> windows) {
    float[][] out = new float[windows.size()][];
    float share = (float) (1.0 / Math.sqrt(layers.size()));
    for (int b = 0; b < out.length; b++) {
      int tokens = windows.get(b).length;
      int dim = layers.get(0)[b][0].length;
      float[] v = new float[dim * layers.size()];
      for (int l = 0; l < layers.size(); l++) {
        float[][] hidden = layers.get(l)[b];
        int from = l * dim;
        for (int t = 0; t < tokens; t++) {
          for (int d = 0; d < dim; d++) {
            v[from + d] += hidden[t][d];
          }
        }
        double norm = 0;
        for (int d = from; d < from + dim; d++) {
          v[d] /= tokens;
          norm += v[d] * v[d];
        }
        float inv = (float) (share / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = from; d < from + dim; d++) {
          v[d] *= inv;
        }
      }
      out[b] = v;
    }
    return out;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // closing releases native memory; nothing else to do
    }
    tokenizer.close();
  }
}
