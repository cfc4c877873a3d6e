package dev.lifeguard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lifeguard.config.ConfigLoader;
import dev.lifeguard.config.LifeguardConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What can be checked about the container and Kubernetes files without a Docker engine or a cluster:
 * they parse, they name the jar the build makes, the ports, probes and env vars the gateway really
 * has, and the config they carry is one the real {@link ConfigLoader} accepts.
 */
class DeploymentFilesTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path DOCKER = ROOT.resolve("docker");
  private static final Path K8S = DOCKER.resolve("k8s");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern ENV_NAME = Pattern.compile("\\bLIFEGUARD_[A-Z0-9_]+");
  /** docs/PERFORMANCE.md: peak resident memory under sustained load with the JVM's default heap sizing. */
  private static final long MEASURED_PEAK_RSS_BYTES = 562L * 1000 * 1000;

  @TempDir
  Path tmp;

  // ---------------------------------------------------------------- Dockerfile

  @Test
  void dockerfileCopiesTheJarTheBuildMakes() throws Exception {
    String jar = "target/" + finalName() + ".jar";
    assertEquals("target/lifeguard.jar", jar, "DESIGN.md's operator interface names target/lifeguard.jar");
    List<String> copies = instructions("COPY").stream().filter(c -> c.contains("--from=build")).toList();
    assertEquals(1, copies.size(), "one COPY from the build stage: " + copies);
    assertTrue(copies.get(0).matches(".*\\s/src/" + Pattern.quote(jar) + "\\s+/app/lifeguard\\.jar$"), copies.get(0));
    assertTrue(instructions("RUN").stream().anyMatch(r -> r.contains("mvn") && r.contains("package")),
        "the build stage runs the project's own mvn package");
    assertTrue(instructions("ENTRYPOINT").get(0).contains("\"/app/lifeguard.jar\""));
  }

  @Test
  void dockerfileIsMultiStageWithAJreRuntime() throws IOException {
    List<String> froms = instructions("FROM");
    assertEquals(2, froms.size(), froms.toString());
    assertTrue(froms.get(0).matches("maven:\\S*(temurin|jdk)-?17\\S*\\s+AS\\s+build"), froms.get(0));
    assertTrue(froms.get(1).matches("eclipse-temurin:17-jre\\S*"), froms.get(1));
  }

  @Test
  void dockerfileRunsAsNonRootWithHealthcheckPortAndSignal() throws IOException {
    List<String> users = runtimeStage("USER");
    assertFalse(users.isEmpty(), "the runtime stage sets USER");
    String user = users.get(users.size() - 1).split(":")[0];
    assertFalse(user.equals("root") || user.equals("0"), "runs as " + user);
    List<String> health = instructions("HEALTHCHECK");
    assertEquals(1, health.size());
    assertTrue(health.get(0).contains("http://127.0.0.1:8080/health/ready"), health.get(0));
    assertTrue(instructions("RUN").stream().anyMatch(r -> r.contains("curl")), "the healthcheck's tool is in the image");
    assertEquals(List.of("8080"), instructions("EXPOSE"));
    assertEquals(List.of("SIGTERM"), instructions("STOPSIGNAL"));
    assertTrue(instructions("ENV").stream().anyMatch(e -> e.contains("-XX:MaxRAMPercentage=")));
    assertTrue(instructions("VOLUME").stream().anyMatch(v -> v.contains("/data")));
  }

  @Test
  void dockerfileEnvironmentIsAConfigTheGatewayAccepts() throws IOException {
    Map<String, String> env = new HashMap<>();
    Matcher m = Pattern.compile("(LIFEGUARD_[A-Z_]+)=(\\S+)").matcher(String.join(" ", instructions("ENV")));
    while (m.find()) {
      env.put(m.group(1), m.group(2));
    }
    assertEquals("/data", env.get("LIFEGUARD_DATA_DIR"));
    LifeguardConfig config = ConfigLoader.load(Optional.of(ROOT.resolve("config/lifeguard.yaml")), env);
    assertEquals(8080, config.server().port());
    assertTrue(config.database().embedded(), "without LIFEGUARD_DATABASE_URL the image runs the embedded database");
  }

  // ---------------------------------------------------------------- compose

  @Test
  void composeNamesTheBuildPortAndEnvironment() throws IOException {
    JsonNode compose = YAML.readTree(DOCKER.resolve("compose.yaml").toFile());
    JsonNode app = compose.path("services").path("lifeguard");
    assertEquals("lifeguard:latest", app.path("image").asText());
    Path context = DOCKER.resolve(app.path("build").path("context").asText()).normalize();
    assertEquals(ROOT, context, "the build context is the repository root");
    assertEquals("docker/Dockerfile", app.path("build").path("dockerfile").asText());
    assertTrue(Files.isRegularFile(context.resolve(app.path("build").path("dockerfile").asText())));
    assertTrue(Files.isRegularFile(ROOT.resolve(".dockerignore")));
    List<String> ports = texts(app.path("ports"));
    assertEquals(1, ports.size());
    assertTrue(ports.get(0).endsWith(":8080"), ports.get(0));

    Map<String, String> env = environment(app.path("environment"));
    for (String required : List.of("LIFEGUARD_DATABASE_URL", "LIFEGUARD_ADMIN_TOKEN", "LIFEGUARD_UPSTREAM_URL", "LIFEGUARD_UPSTREAM_API_KEY")) {
      assertTrue(env.containsKey(required), "compose passes " + required);
    }
    assertEquals("unless-stopped", app.path("restart").asText());
    assertEquals("service_healthy", app.path("depends_on").path("postgres").path("condition").asText());
    assertTrue(String.join(" ", texts(app.path("healthcheck").path("test"))).contains("/health/ready"));

    // With the values of .env.example interpolated as compose would, the real loader accepts the result.
    Map<String, String> dotenv = dotenv(DOCKER.resolve(".env.example"));
    Map<String, String> resolved = new HashMap<>();
    env.forEach((k, v) -> resolved.put(k, interpolate(v, dotenv)));
    LifeguardConfig config = ConfigLoader.load(Optional.of(ROOT.resolve("config/lifeguard.yaml")), resolved);
    assertEquals("postgres", config.database().url().orElseThrow().getHost());
    assertEquals(5432, config.database().url().orElseThrow().getPort());
    assertFalse(config.admin().enabled(), "an empty LIFEGUARD_ADMIN_TOKEN leaves the admin API off");
    String stop = app.path("stop_grace_period").asText();
    assertTrue(stop.matches("\\d+s"), "stop_grace_period in seconds: " + stop);
    long drain = config.server().shutdownGrace().toSeconds() + config.webhooks().timeout().toSeconds();
    assertTrue(Long.parseLong(stop.substring(0, stop.length() - 1)) > drain + 5,
        "stop_grace_period " + stop + " must exceed the drain and webhook timeout (" + drain + " s) with margin");
  }

  @Test
  void composeHasPostgresWithHealthcheckAndNamedVolume() throws IOException {
    JsonNode compose = YAML.readTree(DOCKER.resolve("compose.yaml").toFile());
    JsonNode pg = compose.path("services").path("postgres");
    assertTrue(pg.path("image").asText().matches("postgres:17(\\D.*)?"), pg.path("image").asText());
    assertTrue(String.join(" ", texts(pg.path("healthcheck").path("test"))).contains("pg_isready"));
    List<String> volumes = texts(pg.path("volumes"));
    assertEquals(1, volumes.size());
    String volume = volumes.get(0).split(":")[0];
    assertTrue(compose.path("volumes").has(volume), "named volume " + volume + " is declared");
    assertTrue(volumes.get(0).endsWith(":/var/lib/postgresql/data"));
    Map<String, String> pgEnv = environment(pg.path("environment"));
    String url = environment(compose.path("services").path("lifeguard").path("environment")).get("LIFEGUARD_DATABASE_URL");
    assertTrue(url.contains(pgEnv.get("POSTGRES_USER") + ":") && url.endsWith("@postgres:5432/" + pgEnv.get("POSTGRES_DB")), url);
  }

  @Test
  void everyLifeguardVariableInTheDeployFilesExists() throws IOException {
    Set<String> used = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(DOCKER)) {
      files = walk.filter(Files::isRegularFile).collect(Collectors.toCollection(ArrayList::new));
    }
    files.add(ROOT.resolve(".dockerignore"));
    for (Path file : files) {
      Matcher m = ENV_NAME.matcher(Files.readString(file));
      while (m.find()) {
        used.add(m.group());
      }
    }
    assertTrue(used.size() >= 8, "found " + used);
    Set<String> unknown = new TreeSet<>(used);
    unknown.removeAll(ConfigLoader.ENVIRONMENT.keySet());
    assertEquals(Set.of(), unknown, "variables the gateway does not read (config/ConfigLoader)");
  }

  // ---------------------------------------------------------------- Kubernetes

  @Test
  void kustomizationListsEveryManifest() throws IOException {
    JsonNode kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
    Set<String> listed = new TreeSet<>(texts(kustomization.path("resources")));
    Set<String> present;
    try (Stream<Path> list = Files.list(K8S)) {
      present = list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(present, listed);
    Set<String> kinds = manifests().stream().map(d -> d.path("kind").asText()).collect(Collectors.toSet());
    assertEquals(Set.of("Deployment", "Service", "ConfigMap", "Secret", "HorizontalPodAutoscaler", "PodDisruptionBudget"), kinds);
  }

  @Test
  void configMapHoldsAConfigTheRealLoaderAccepts() throws IOException {
    LifeguardConfig config = k8sConfig();
    assertEquals(8080, config.server().port());
    assertFalse(config.database().embedded(), "pods use the external database from the Secret");
    assertTrue(config.admin().enabled());
    assertTrue(config.upstream().url().isPresent());
  }

  @Test
  void deploymentProbesPortsAndConfigMount() throws IOException {
    JsonNode pod = deployment().path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);
    int port = -1;
    for (JsonNode p : container.path("ports")) {
      if (p.path("name").asText().equals("http")) {
        port = p.path("containerPort").asInt();
      }
    }
    assertEquals(k8sConfig().server().port(), port, "containerPort named http is the port the config listens on");
    assertProbe(container.path("readinessProbe"), "/health/ready");
    assertProbe(container.path("livenessProbe"), "/health/live");
    JsonNode startup = container.path("startupProbe");
    assertProbe(startup, "/health/live");
    assertTrue(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt() >= 120,
        "the startup probe allows at least 2 minutes for the model load");

    List<String> args = texts(container.path("args"));
    assertEquals("--config", args.get(0));
    String mount = null;
    for (JsonNode m : container.path("volumeMounts")) {
      if (m.path("name").asText().equals("config")) {
        mount = m.path("mountPath").asText();
      }
    }
    assertNotNull(mount);
    String key = args.get(1).substring(mount.length() + 1);
    assertEquals(mount + "/" + key, args.get(1));
    assertTrue(configMap().path("data").has(key), "the ConfigMap has the key --config reads: " + key);
  }

  @Test
  void terminationGraceCoversPreStopAndDrain() throws IOException {
    LifeguardConfig config = k8sConfig();
    JsonNode pod = deployment().path("spec").path("template").path("spec");
    List<String> preStop = texts(pod.path("containers").get(0).path("lifecycle").path("preStop").path("exec").path("command"));
    assertEquals("sleep", preStop.get(0));
    long sleep = Long.parseLong(preStop.get(1));
    assertTrue(sleep >= 5, "preStop gives the endpoints time to drop the pod");
    long needed = sleep + config.server().shutdownGrace().toSeconds() + config.webhooks().timeout().toSeconds();
    long grace = pod.path("terminationGracePeriodSeconds").asLong();
    assertTrue(grace > needed + 5, "terminationGracePeriodSeconds " + grace + " must exceed preStop + drain + webhook timeout (" + needed + " s) with margin");
  }

  @Test
  void deploymentIsNonRootReadOnlyAndSizedFromMeasurements() throws IOException {
    JsonNode pod = deployment().path("spec").path("template").path("spec");
    assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
    assertTrue(pod.path("securityContext").path("runAsUser").asInt() > 0);
    JsonNode container = pod.path("containers").get(0);
    assertTrue(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean());
    assertFalse(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true));
    boolean tmpMounted = false;
    for (JsonNode m : container.path("volumeMounts")) {
      tmpMounted |= m.path("mountPath").asText().equals("/tmp");
    }
    assertTrue(tmpMounted, "a writable /tmp for the native libraries");
    JsonNode resources = container.path("resources");
    long limit = bytes(resources.path("limits").path("memory").asText());
    long request = bytes(resources.path("requests").path("memory").asText());
    assertTrue(limit >= MEASURED_PEAK_RSS_BYTES * 3 / 2, "memory limit leaves headroom over the measured peak");
    assertTrue(request >= MEASURED_PEAK_RSS_BYTES && request <= limit);
    assertFalse(resources.path("requests").path("cpu").isMissingNode(), "the HPA needs a CPU request");
    // Every secretKeyRef names a key the Secret template has.
    JsonNode secret = byKind("Secret");
    for (JsonNode e : container.path("env")) {
      JsonNode ref = e.path("valueFrom").path("secretKeyRef");
      if (!ref.isMissingNode()) {
        assertEquals(secret.path("metadata").path("name").asText(), ref.path("name").asText());
        assertTrue(secret.path("stringData").has(ref.path("key").asText()), ref.toString());
      }
    }
  }

  @Test
  void secretIsATemplateWithoutRealValues() throws IOException {
    JsonNode data = byKind("Secret").path("stringData");
    assertTrue(byKind("Secret").path("data").isMissingNode(), "placeholders in stringData, not encoded data");
    for (String key : List.of("LIFEGUARD_DATABASE_URL", "LIFEGUARD_ADMIN_TOKEN", "LIFEGUARD_UPSTREAM_API_KEY")) {
      assertTrue(data.path(key).asText().contains("REPLACE_ME"), key + " is a placeholder");
    }
  }

  @Test
  void serviceHpaAndPdbSelectTheDeployment() throws IOException {
    JsonNode deployment = deployment();
    JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
    assertTrue(matches(deployment.path("spec").path("selector").path("matchLabels"), podLabels));

    JsonNode service = byKind("Service");
    assertTrue(matches(service.path("spec").path("selector"), podLabels), "Service selects the pods");
    assertEquals("http", service.path("spec").path("ports").get(0).path("targetPort").asText());

    JsonNode target = byKind("HorizontalPodAutoscaler").path("spec").path("scaleTargetRef");
    assertEquals("Deployment", target.path("kind").asText());
    assertEquals(deployment.path("metadata").path("name").asText(), target.path("name").asText());
    JsonNode hpa = byKind("HorizontalPodAutoscaler").path("spec");
    assertEquals("cpu", hpa.path("metrics").get(0).path("resource").path("name").asText());
    int minReplicas = hpa.path("minReplicas").asInt();
    assertTrue(minReplicas >= 2 && hpa.path("maxReplicas").asInt() >= minReplicas);

    JsonNode pdb = byKind("PodDisruptionBudget").path("spec");
    assertTrue(matches(pdb.path("selector").path("matchLabels"), podLabels), "PDB selects the pods");
    assertTrue(pdb.path("minAvailable").asInt() < minReplicas, "the PDB still lets nodes drain");
  }

  // ---------------------------------------------------------------- helpers

  private static void assertProbe(JsonNode probe, String path) {
    assertEquals(path, probe.path("httpGet").path("path").asText());
    assertEquals("http", probe.path("httpGet").path("port").asText());
  }

  private static boolean matches(JsonNode selector, JsonNode labels) {
    if (!selector.isObject() || selector.isEmpty()) {
      return false;
    }
    for (var it = selector.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  private static long bytes(String quantity) {
    Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|K|M|G)?").matcher(quantity);
    assertTrue(m.matches(), quantity);
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2);
    return switch (unit) {
      case "Ki" -> n << 10;
      case "Mi" -> n << 20;
      case "Gi" -> n << 30;
      case "K" -> n * 1000;
      case "M" -> n * 1000_000;
      case "G" -> n * 1000_000_000;
      default -> n;
    };
  }

  /** The ConfigMap's config file with the Deployment's environment (Secret template values included). */
  private LifeguardConfig k8sConfig() throws IOException {
    JsonNode data = configMap().path("data");
    assertEquals(1, data.size());
    Path file = tmp.resolve(data.fieldNames().next());
    Files.writeString(file, data.elements().next().asText());
    Map<String, String> env = new HashMap<>();
    JsonNode secret = byKind("Secret").path("stringData");
    for (JsonNode e : deployment().path("spec").path("template").path("spec").path("containers").get(0).path("env")) {
      String name = e.path("name").asText();
      if (e.has("value")) {
        env.put(name, e.path("value").asText());
      } else if (e.path("valueFrom").has("secretKeyRef")) {
        env.put(name, secret.path(e.path("valueFrom").path("secretKeyRef").path("key").asText()).asText());
      }
    }
    return ConfigLoader.load(Optional.of(file), env);
  }

  private JsonNode deployment() throws IOException {
    return byKind("Deployment");
  }

  private JsonNode configMap() throws IOException {
    return byKind("ConfigMap");
  }

  private static JsonNode byKind(String kind) throws IOException {
    List<JsonNode> found = manifests().stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    assertEquals(1, found.size(), "one " + kind);
    return found.get(0);
  }

  private static List<JsonNode> manifests() throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (Stream<Path> list = Files.list(K8S)) {
      for (Path file : list.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("kustomization.yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          while (it.hasNext()) {
            JsonNode doc = it.next();
            if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
              assertFalse(doc.path("apiVersion").asText().isEmpty(), file + " has apiVersion");
              assertFalse(doc.path("metadata").path("name").asText().isEmpty(), file + " has metadata.name");
              docs.add(doc);
            }
          }
        }
      }
    }
    return docs;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Map<String, String> environment(JsonNode env) {
    Map<String, String> out = new HashMap<>();
    if (env.isObject()) {
      env.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    } else {
      env.forEach(n -> {
        String[] kv = n.asText().split("=", 2);
        out.put(kv[0], kv.length > 1 ? kv[1] : "");
      });
    }
    return out;
  }

  private static Map<String, String> dotenv(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
        out.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
      }
    }
    return out;
  }

  /** Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} against the given variables. */
  private static String interpolate(String value, Map<String, String> vars) {
    Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([-?])([^}]*))?}").matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = vars.get(m.group(1));
      if (v == null || v.isEmpty()) {
        if ("?".equals(m.group(2))) {
          fail(m.group(1) + " is required by compose but missing from .env.example");
        }
        v = "-".equals(m.group(2)) ? m.group(3) : "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Arguments of every Dockerfile instruction with this keyword, continuation lines joined. */
  private static List<String> instructions(String keyword) throws IOException {
    return instructions(Files.readString(DOCKER.resolve("Dockerfile")), keyword);
  }

  private static List<String> runtimeStage(String keyword) throws IOException {
    String text = Files.readString(DOCKER.resolve("Dockerfile"));
    Matcher m = Pattern.compile("(?m)^FROM ").matcher(text);
    int last = 0;
    while (m.find()) {
      last = m.start();
    }
    return instructions(text.substring(last), keyword);
  }

  private static List<String> instructions(String text, String keyword) {
    List<String> out = new ArrayList<>();
    String joined = text.replaceAll("\\\\\\r?\\n", " ");
    for (String line : joined.split("\\r?\\n")) {
      String l = line.strip();
      if (l.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1)) {
        out.add(l.substring(keyword.length()).strip().replaceAll("\\s+", " "));
      }
    }
    return out;
  }

  /** The shade plugin's finalName (the runnable jar), else the build's, else artifactId-version. */
  private static String finalName() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document pom = factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if (text(plugin, "artifactId").equals("maven-shade-plugin")) {
        NodeList names = plugin.getElementsByTagName("finalName");
        if (names.getLength() > 0) {
          return names.item(0).getTextContent().strip();
        }
      }
    }
    Element build = (Element) pom.getDocumentElement().getElementsByTagName("build").item(0);
    String name = build == null ? "" : text(build, "finalName");
    return name.isEmpty() ? text(pom.getDocumentElement(), "artifactId") + "-" + text(pom.getDocumentElement(), "version") : name;
  }

  private static String text(Element parent, String child) {
    for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(child)) {
        return e.getTextContent().strip();
      }
    }
    return "";
  }
}
