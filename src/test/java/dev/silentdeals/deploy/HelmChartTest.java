package dev.silentdeals.deploy;

import static dev.silentdeals.deploy.KubernetesDocuments.at;
import static dev.silentdeals.deploy.KubernetesDocuments.envEntry;
import static dev.silentdeals.deploy.KubernetesDocuments.envNames;
import static dev.silentdeals.deploy.KubernetesDocuments.list;
import static dev.silentdeals.deploy.KubernetesDocuments.map;
import static dev.silentdeals.deploy.KubernetesDocuments.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Lints and renders helm/silent-deals with the real Helm library (in-process, offline) and checks the
 * objects a cluster would receive.
 */
class HelmChartTest {

    private static final Path CHART = Paths.get("helm", "silent-deals");
    private static final Path VALUES = Paths.get("src", "test", "resources", "helm");
    private static final Path FULL_VALUES = VALUES.resolve("values-full.yaml");
    // helm-java's engine assumes Kubernetes 1.20 unless told; the chart asks for 1.25 or newer.
    private static final String KUBE_VERSION = "1.31.0";

    @Nested
    class Lint {

        @Test
        void passesStrictLintWithTheDefaultValues() {
            LintResult result = new Helm(CHART).lint().strict().call();

            assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
            assertThat(result.getMessages()).noneMatch(message -> message.contains("[WARNING]")
                    || message.contains("[ERROR]"));
        }

        @Test
        void passesStrictLintWithEveryOptionSwitchedOn(@TempDir Path workDir) throws IOException {
            // Lint reads only the chart's own values.yaml, so lint a copy whose values carry values-full.yaml.
            Path chart = copyChartWithValues(workDir, FULL_VALUES);

            LintResult result = new Helm(chart).lint().strict().call();

            assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
        }

        @Test
        void failsLintWhenTheValuesBreakTheSchema(@TempDir Path workDir) throws IOException {
            Path chart = copyChartWithValues(workDir, VALUES.resolve("values-invalid-replicas.yaml"));

            LintResult result = new Helm(chart).lint().strict().call();

            assertThat(result.isFailed()).isTrue();
            assertThat(String.join("\n", result.getMessages())).contains("replicaCount");
        }
    }

    @Nested
    class DefaultValues {

        private final KubernetesDocuments rendered = render(template());
        private final Map<String, Object> deployment = rendered.single("Deployment");

        @Test
        void runsTwoHardenedReplicasProbedOnTheActuatorGroups() {
            assertThat(at(deployment, "spec", "replicas")).isEqualTo(2);
            DeploymentRules.assertHardenedAndProbed(deployment);
        }

        @Test
        void readsSlackAndRedisCredentialsFromTheSecretInHttpMode() {
            Map<String, Object> container = onlyContainer(deployment);

            assertThat(envNames(container))
                    .containsExactlyInAnyOrder("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "REDIS_URL");
            assertThat(at(envEntry(container, "SLACK_SIGNING_SECRET"), "valueFrom", "secretKeyRef"))
                    .isEqualTo(Map.of("name", "silent-deals", "key", "SLACK_SIGNING_SECRET"));
            DeploymentRules.assertSecretsOnlyByReference(deployment);
        }

        @Test
        void takesPlainSettingsFromTheChecksummedConfigMap() {
            Map<String, Object> configMap = rendered.single("ConfigMap");
            Map<String, Object> container = onlyContainer(deployment);

            assertThat(map(configMap, "data")).containsEntry("CRM_ADAPTER", "file").containsEntry("SERVER_PORT", "8080");
            assertThat(at(list(container, "envFrom").get(0), "configMapRef", "name"))
                    .isEqualTo(at(configMap, "metadata", "name"));
            assertThat(map(deployment, "spec", "template", "metadata", "annotations"))
                    .containsKey("checksum/config");
            DeploymentRules.assertNoCredentials(configMap);
        }

        @Test
        void exposesThePodsThroughTheServiceAndKeepsOneAvailableInDisruptions() {
            Map<String, Object> service = rendered.single("Service");
            Map<String, Object> podLabels = map(deployment, "spec", "template", "metadata", "labels");

            assertThat(podLabels).containsAllEntriesOf(map(service, "spec", "selector"));
            assertThat(at(list(service, "spec", "ports").get(0), "targetPort")).isEqualTo("http");
            assertThat(at(rendered.single("PodDisruptionBudget"), "spec", "minAvailable")).isEqualTo(1);
            assertThat(at(rendered.single("ServiceAccount"), "automountServiceAccountToken")).isEqualTo(false);
        }

        @Test
        void leavesIngressAndAutoscalingOffAndNeverRendersASecret() {
            assertThat(rendered.ofKind("Ingress")).isEmpty();
            assertThat(rendered.ofKind("HorizontalPodAutoscaler")).isEmpty();
            assertThat(rendered.ofKind("Secret")).isEmpty();
        }
    }

    @Nested
    class FullValues {

        private final KubernetesDocuments rendered = render(template().withValuesFile(FULL_VALUES));
        private final Map<String, Object> deployment = rendered.single("Deployment");
        private final Map<String, Object> container = onlyContainer(deployment);

        @Test
        void staysHardenedAndProbedWithEveryOptionOn() {
            DeploymentRules.assertHardenedAndProbed(deployment);
            DeploymentRules.assertSecretsOnlyByReference(deployment);
            rendered.ofKind("ConfigMap").forEach(DeploymentRules::assertNoCredentials);
            assertThat(rendered.ofKind("Secret")).isEmpty();
        }

        @Test
        void socketModeUsesTheAppTokenAndDropsTheSigningSecret() {
            assertThat(envNames(container)).contains("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
                    .doesNotContain("SLACK_SIGNING_SECRET");
            assertThat(at(envEntry(container, "SLACK_APP_TOKEN"), "valueFrom", "secretKeyRef"))
                    .isEqualTo(Map.of("name", "slack-credentials", "key", "app-token"));
        }

        @Test
        void readsCrmAndRedisCredentialsFromTheirOwnSecrets() {
            assertThat(at(envEntry(container, "HUBSPOT_ACCESS_TOKEN"), "valueFrom", "secretKeyRef"))
                    .isEqualTo(Map.of("name", "hubspot-credentials", "key", "access-token"));
            assertThat(at(envEntry(container, "REDIS_URL"), "valueFrom", "secretKeyRef"))
                    .isEqualTo(Map.of("name", "redis-credentials", "key", "url"));
        }

        @Test
        void mountsTheTeamsFileAndPointsTeamsFileAtIt() {
            Map<String, Object> config = map(rendered.named("ConfigMap", "silent-deals"), "data");
            Map<String, Object> teams = rendered.named("ConfigMap", "silent-deals-teams");
            String teamsFile = String.valueOf(config.get("TEAMS_FILE"));

            assertThat(teamsFile).isEqualTo("/etc/silent-deals/teams/teams.yaml");
            assertThat(KubernetesDocuments.parseOne(String.valueOf(map(teams, "data").get("teams.yaml"))))
                    .isEqualTo(KubernetesDocuments.parseOne("""
                            teams:
                              - name: EMEA
                                channel: C0EMEA0001
                                managers: [U0MANAGER1]
                                reps: [U0REP00001, U0REP00002]
                            """));
            assertThat(list(container, "volumeMounts"))
                    .contains(Map.of("name", "teams", "mountPath", "/etc/silent-deals/teams", "readOnly", true));
            assertThat(list(deployment, "spec", "template", "spec", "volumes"))
                    .contains(Map.of("name", "teams", "configMap", Map.of("name", "silent-deals-teams")));
        }

        @Test
        void addsThePlainConfigAndExtraEnv() {
            Map<String, Object> config = map(rendered.named("ConfigMap", "silent-deals"), "data");

            assertThat(config).containsEntry("SLACK_ADMINS", "U012ABCDEF,U034GHIJKL")
                    .containsEntry("SILENCE_QUIET_BUSINESS_DAYS", "5")
                    .containsEntry("CRM_ADAPTER", "hubspot");
            assertThat(envEntry(container, "NUDGE_DEFAULT_TIME_ZONE")).containsEntry("value", "Europe/Berlin");
            assertThat(envNames(container)).contains("POD_NAME");
        }

        @Test
        void rendersTheIngressForTheSlackPathOnly() {
            Map<String, Object> ingress = rendered.single("Ingress");
            Object rule = list(ingress, "spec", "rules").get(0);
            Object path = list(rule, "http", "paths").get(0);

            assertThat(at(rule, "host")).isEqualTo("slack.example.com");
            assertThat(at(path, "path")).isEqualTo("/slack");
            assertThat(at(path, "backend", "service", "name")).isEqualTo(at(rendered.single("Service"), "metadata", "name"));
            assertThat(at(ingress, "spec", "ingressClassName")).isEqualTo("nginx");
        }

        @Test
        void autoscalesWithAnHpaThatOwnsTheReplicaCount() {
            Map<String, Object> hpa = rendered.single("HorizontalPodAutoscaler");

            assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(at(deployment, "metadata", "name"));
            assertThat(at(hpa, "spec", "maxReplicas")).isEqualTo(6);
            assertThat(map(deployment, "spec")).doesNotContainKey("replicas");
        }
    }

    @Nested
    class Choices {

        @ParameterizedTest
        @CsvSource({
                "file,       ''",
                "hubspot,    HUBSPOT_ACCESS_TOKEN",
                "salesforce, SALESFORCE_ACCESS_TOKEN SALESFORCE_CLIENT_ID SALESFORCE_CLIENT_SECRET",
                "pipedrive,  PIPEDRIVE_API_TOKEN"
        })
        void referencesOnlyTheChosenCrmsCredentials(String adapter, String expected) {
            Map<String, Object> deployment = render(template().set("crm.adapter", adapter)).single("Deployment");
            String[] crmVariables = expected.isBlank() ? new String[0] : expected.split(" ");

            assertThat(envNames(onlyContainer(deployment)))
                    .filteredOn(name -> name.matches("(HUBSPOT|SALESFORCE|PIPEDRIVE)_.*"))
                    .containsExactlyInAnyOrder(crmVariables);
            DeploymentRules.assertSecretsOnlyByReference(deployment);
        }

        @Test
        void oauthAddsTheClientSecretAndEncryptionKeyInHttpMode() {
            Map<String, Object> deployment = render(template().set("slack.oauth.enabled", true)).single("Deployment");

            assertThat(envNames(onlyContainer(deployment)))
                    .contains("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_TOKEN_ENCRYPTION_KEY")
                    // a bot token would switch the service to single-workspace mode
                    .doesNotContain("SLACK_BOT_TOKEN");
            DeploymentRules.assertSecretsOnlyByReference(deployment);
        }

        @Test
        void oauthPutsTheRedirectUrlAndScopesInTheConfigMap() {
            KubernetesDocuments rendered = render(template().set("slack.oauth.enabled", true)
                    .set("slack.oauth.redirectUrl", "https://sd.example.com/slack/oauth_redirect"));

            assertThat(rendered.single("ConfigMap").get("data").toString())
                    .contains("SLACK_OAUTH_REDIRECT_URL=https://sd.example.com/slack/oauth_redirect");
        }

        @Test
        void refusesOauthInSocketMode() {
            TemplateCommand command = template().set("slack.mode", "socket").set("slack.oauth.enabled", true);

            assertThatThrownBy(command::call).hasMessageContaining("slack.oauth.enabled needs slack.mode=http");
        }

        @Test
        void runsInPreviewModeWithoutASlackSecret() {
            Map<String, Object> deployment = render(template().set("slack.existingSecret", "")).single("Deployment");

            assertThat(envNames(onlyContainer(deployment))).containsExactly("REDIS_URL");
        }

        @Test
        void putsARedisUrlWithoutCredentialsInTheConfigMap() {
            KubernetesDocuments rendered = render(template().set("redis.url", "redis://redis.data:6379"));

            assertThat(map(rendered.single("ConfigMap"), "data")).containsEntry("REDIS_URL", "redis://redis.data:6379");
            assertThat(envNames(onlyContainer(rendered.single("Deployment")))).doesNotContain("REDIS_URL");
        }

        @Test
        void rollsThePodsWhenThePlainConfigChanges() {
            Object before = checksum(render(template()));
            Object after = checksum(render(template().set("config.SLACK_ADMINS", "U012ABCDEF")));

            assertThat(after).isNotNull().isNotEqualTo(before);
        }

        @Test
        void skipsTheDisruptionBudgetForASingleReplica() {
            assertThat(render(template().set("replicaCount", 1)).ofKind("PodDisruptionBudget")).isEmpty();
        }

        private Object checksum(KubernetesDocuments rendered) {
            return map(rendered.single("Deployment"), "spec", "template", "metadata", "annotations")
                    .get("checksum/config");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "values-invalid-replicas.yaml",
            "values-invalid-slack-mode.yaml",
            "values-invalid-redis-password.yaml",
            "values-invalid-token-in-config.yaml",
            "values-invalid-token-in-extra-env.yaml",
            "values-invalid-no-redis.yaml"
    })
    void refusesValuesThatBreakTheSchema(String valuesFile) {
        TemplateCommand command = template().withValuesFile(VALUES.resolve(valuesFile));

        assertThatThrownBy(command::call).hasMessageContaining("don't meet the specifications of the schema");
    }

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName("silent-deals").withKubeVersion(KUBE_VERSION);
    }

    private static KubernetesDocuments render(TemplateCommand command) {
        return KubernetesDocuments.parse(command.call());
    }

    /** Copies the chart into workDir with values.yaml replaced by the defaults overlaid with valuesFile. */
    private static Path copyChartWithValues(Path workDir, Path valuesFile) throws IOException {
        Path copy = workDir.resolve("silent-deals");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Map<String, Object> values = loadMap(CHART.resolve("values.yaml"));
        overlay(values, loadMap(valuesFile));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(copy.resolve("values.yaml"), new Yaml(options).dump(values));
        return copy;
    }

    private static Map<String, Object> loadMap(Path file) throws IOException {
        Object loaded = KubernetesDocuments.parseOne(Files.readString(file));
        return new LinkedHashMap<>(KubernetesDocuments.asMap(loaded, file.toString()));
    }

    /** Helm's own rule for values files: maps merge key by key, everything else is replaced. */
    private static void overlay(Map<String, Object> base, Map<String, Object> override) {
        override.forEach((key, value) -> {
            Object current = base.get(key);
            if (current instanceof Map<?, ?> && value instanceof Map<?, ?>) {
                Map<String, Object> merged = new LinkedHashMap<>(KubernetesDocuments.asMap(current, key));
                overlay(merged, KubernetesDocuments.asMap(value, key));
                base.put(key, merged);
            } else {
                base.put(key, value);
            }
        });
    }
}
