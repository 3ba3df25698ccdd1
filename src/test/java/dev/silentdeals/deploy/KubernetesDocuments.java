package dev.silentdeals.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Kubernetes objects parsed from multi-document YAML (rendered chart output or manifest files), with a
 * few null-safe accessors so the tests read as assertions on fields, not on casts.
 */
final class KubernetesDocuments {

    private final List<Map<String, Object>> documents;

    private KubernetesDocuments(List<Map<String, Object>> documents) {
        this.documents = List.copyOf(documents);
    }

    static KubernetesDocuments parse(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : newYaml().loadAll(yaml)) {
            if (document != null) {
                documents.add(asMap(document, "document"));
            }
        }
        return new KubernetesDocuments(documents);
    }

    static KubernetesDocuments parse(List<Path> files) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            all.append("---\n").append(Files.readString(file)).append('\n');
        }
        return parse(all.toString());
    }

    static Object parseOne(String yaml) {
        return newYaml().load(yaml);
    }

    List<Map<String, Object>> all() {
        return documents;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))).toList();
    }

    Map<String, Object> single(String kind) {
        List<Map<String, Object>> found = ofKind(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + kind + " but found " + found.size());
        }
        return found.get(0);
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(document -> name.equals(map(document, "metadata").get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    /** The map at the end of the key path; an empty map where any step is missing. */
    static Map<String, Object> map(Object node, String... keys) {
        Object value = at(node, keys);
        return value == null ? Map.of() : asMap(value, String.join(".", keys));
    }

    /** The list at the end of the key path; an empty list where any step is missing. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... keys) {
        Object value = at(node, keys);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new AssertionError(String.join(".", keys) + " is not a list: " + value);
        }
        return (List<Object>) value;
    }

    static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return list(deployment, "spec", "template", "spec", "containers").stream()
                .map(container -> asMap(container, "container"))
                .toList();
    }

    static Map<String, Object> onlyContainer(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = containers(deployment);
        if (containers.size() != 1) {
            throw new AssertionError("expected one container but found " + containers.size());
        }
        return containers.get(0);
    }

    static List<Map<String, Object>> env(Map<String, Object> container) {
        return list(container, "env").stream().map(entry -> asMap(entry, "env entry")).toList();
    }

    static List<String> envNames(Map<String, Object> container) {
        return env(container).stream().map(entry -> String.valueOf(entry.get("name"))).toList();
    }

    static Map<String, Object> envEntry(Map<String, Object> container, String name) {
        return env(container).stream()
                .filter(entry -> name.equals(entry.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env entry " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node, String what) {
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError(what + " is not a map: " + node);
        }
        return (Map<String, Object>) node;
    }

    private static Yaml newYaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
