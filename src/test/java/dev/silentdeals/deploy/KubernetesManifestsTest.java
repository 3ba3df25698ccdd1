package dev.silentdeals.deploy;

import static dev.silentdeals.deploy.KubernetesDocuments.at;
import static dev.silentdeals.deploy.KubernetesDocuments.list;
import static dev.silentdeals.deploy.KubernetesDocuments.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain manifests in manifests/kubernetes hold the same rules as the chart. */
class KubernetesManifestsTest {

    private static final Path MANIFESTS = Paths.get("manifests", "kubernetes");
    private static final String SECRET_EXAMPLE = "secret.example.yaml";
    private static final String KUSTOMIZATION = "kustomization.yaml";

    private static List<Path> files;
    private static KubernetesDocuments documents;

    @BeforeAll
    static void parseEveryManifest() throws IOException {
        try (Stream<Path> listing = Files.list(MANIFESTS)) {
            files = listing.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        documents = KubernetesDocuments.parse(files);
    }

    @Test
    void everyDocumentIsAKubernetesObject() {
        assertThat(documents.all()).isNotEmpty().allSatisfy(document -> {
            assertThat(document).containsKeys("apiVersion", "kind");
            assertThat(map(document, "metadata")).as("metadata of %s", document.get("kind")).isNotNull();
        });
    }

    @Test
    void theDeploymentIsHardenedProbedAndReadsSecretsByReference() {
        Map<String, Object> deployment = documents.single("Deployment");

        assertThat(at(deployment, "spec", "replicas")).isEqualTo(2);
        DeploymentRules.assertHardenedAndProbed(deployment);
        DeploymentRules.assertSecretsOnlyByReference(deployment);
        assertThat(KubernetesDocuments.envNames(KubernetesDocuments.onlyContainer(deployment)))
                .contains("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "REDIS_URL");
    }

    @Test
    void theDeploymentReadsTheConfigMapAndTheSecretThatExist() {
        Map<String, Object> deployment = documents.single("Deployment");
        Map<String, Object> container = KubernetesDocuments.onlyContainer(deployment);
        Map<String, Object> configMap = documents.single("ConfigMap");
        Map<String, Object> secret = documents.single("Secret");

        assertThat(at(list(container, "envFrom").get(0), "configMapRef", "name"))
                .isEqualTo(at(configMap, "metadata", "name"));
        assertThat(KubernetesDocuments.env(container))
                .allSatisfy(entry -> assertThat(at(entry, "valueFrom", "secretKeyRef", "name"))
                        .isEqualTo(at(secret, "metadata", "name")));
        DeploymentRules.assertNoCredentials(configMap);
    }

    @Test
    void theServiceAndTheDisruptionBudgetSelectThePods() {
        Map<String, Object> podLabels = map(documents.single("Deployment"), "spec", "template", "metadata", "labels");
        Map<String, Object> pdb = documents.single("PodDisruptionBudget");

        assertThat(podLabels).containsAllEntriesOf(map(documents.single("Service"), "spec", "selector"));
        assertThat(podLabels).containsAllEntriesOf(map(pdb, "spec", "selector", "matchLabels"));
        assertThat(at(pdb, "spec", "minAvailable")).isEqualTo(1);
    }

    @Test
    void theSecretExampleHoldsOnlyPlaceholders() {
        Map<String, Object> secret = documents.single("Secret");

        assertThat(secret).as("base64 data could hide a real value").doesNotContainKey("data");
        assertThat(map(secret, "stringData")).isNotEmpty()
                .allSatisfy((key, value) -> assertThat(String.valueOf(value)).as(key).contains("REPLACE-ME"));
    }

    @Test
    void kustomizationListsEveryManifestButTheSecretExample() {
        Map<String, Object> kustomization = documents.single("Kustomization");
        List<String> expected = files.stream()
                .map(file -> file.getFileName().toString())
                .filter(name -> !name.equals(KUSTOMIZATION) && !name.equals(SECRET_EXAMPLE))
                .toList();

        assertThat(list(kustomization, "resources")).containsExactlyInAnyOrderElementsOf(expected);
    }
}
