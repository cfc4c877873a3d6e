package dev.lifeguard.training.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads every {@code messages/*.jsonl} and {@code conversations/*.jsonl} under a corpus root (a
 * directory, or {@code corpus/} on the classpath), validates each line and checks that ids are
 * unique across the whole corpus.
 */
public final class CorpusLoader {
  public static final String CLASSPATH_ROOT = "corpus";
  static final String MESSAGES = "messages";
  static final String CONVERSATIONS = "conversations";

  private CorpusLoader() {}

  /** How a corpus that breaks the spec is treated. */
  public enum Strictness {
    /** Any problem fails the load with {@link InvalidCorpusException} listing them all. */
    STRICT,
    /** Lines with problems are left out and listed in {@link Corpus#problems()}. */
    SKIP_INVALID
  }

  public static Corpus fromDirectory(Path root, Strictness strictness) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("corpus directory " + root + " does not exist");
    }
    return parse(readFiles(root), strictness);
  }

  /** The corpus packaged as {@code corpus/} resources (a directory in development, a jar entry when shipped). */
  public static Corpus fromClasspath(Strictness strictness) {
    URL url = CorpusLoader.class.getClassLoader().getResource(CLASSPATH_ROOT + "/" + MESSAGES);
    if (url == null) {
      throw new IllegalStateException("no corpus/messages on the classpath");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        return fromJar(uri, strictness);
      }
      return parse(readFiles(Path.of(uri).getParent()), strictness);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot resolve " + url, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus from " + url, e);
    }
  }

  /** Parses already-read files: corpus-relative name (e.g. {@code messages/x.jsonl}) → bytes. */
  public static Corpus parse(Map<String, byte[]> files, Strictness strictness) {
    TreeMap<String, byte[]> sorted = new TreeMap<>(files);
    List<LabeledMessage> messages = new ArrayList<>();
    List<Conversation> conversations = new ArrayList<>();
    List<CorpusException> problems = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : sorted.entrySet()) {
      List<String> lines = new String(file.getValue(), StandardCharsets.UTF_8).lines().toList();
      if (file.getKey().startsWith(MESSAGES + "/")) {
        messages.addAll(CorpusParser.messages(file.getKey(), lines, problems));
      } else {
        conversations.addAll(CorpusParser.conversations(file.getKey(), lines, problems));
      }
    }
    Map<String, Source> seen = new HashMap<>();
    messages.removeIf(m -> !unique(seen, m.id(), m.source(), problems));
    conversations.removeIf(c -> !unique(seen, c.id(), c.source(), problems));
    if (strictness == Strictness.STRICT && !problems.isEmpty()) {
      throw new InvalidCorpusException(problems);
    }
    if (messages.isEmpty() && conversations.isEmpty()) {
      throw new IllegalArgumentException("the corpus has no valid messages/*.jsonl or conversations/*.jsonl lines");
    }
    return new Corpus(messages, conversations, List.copyOf(sorted.keySet()), digest(sorted), problems);
  }

  /** The first use of an id wins; a later one is a problem. */
  private static boolean unique(Map<String, Source> seen, String id, Source source, List<CorpusException> problems) {
    Source first = seen.putIfAbsent(id, source);
    if (first != null) {
      problems.add(new CorpusException(source.file(), source.line(), "id", "\"" + id + "\" was already used at " + first));
      return false;
    }
    return true;
  }

  private static Map<String, byte[]> readFiles(Path root) {
    Map<String, byte[]> files = new TreeMap<>();
    for (String kind : List.of(MESSAGES, CONVERSATIONS)) {
      Path dir = root.resolve(kind);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> listing = Files.list(dir)) {
        for (Path p : listing.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList()) {
          files.put(kind + "/" + p.getFileName(), Files.readAllBytes(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read corpus directory " + dir, e);
      }
    }
    return files;
  }

  private static Corpus fromJar(URI uri, Strictness strictness) throws IOException {
    FileSystem jar;
    boolean ours = true;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
      ours = false; // someone else opened it and will close it
    }
    try {
      return parse(readFiles(jar.getPath("/" + CLASSPATH_ROOT)), strictness);
    } finally {
      if (ours) {
        jar.close();
      }
    }
  }

  /** SHA-256 over name, NUL, bytes, NUL for every file in name order: changes iff the corpus changes. */
  static String digest(TreeMap<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(file.getValue());
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
