package dev.silentdeals.deploy;

import static dev.silentdeals.deploy.KubernetesDocuments.at;
import static dev.silentdeals.deploy.KubernetesDocuments.env;
import static dev.silentdeals.deploy.KubernetesDocuments.list;
import static dev.silentdeals.deploy.KubernetesDocuments.map;
import static dev.silentdeals.deploy.KubernetesDocuments.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;

/**
 * What every way of deploying silent-deals (plain manifests or the Helm chart) must hold: the hardened
 * pod, the Actuator probes, a writable /tmp only, and secrets that arrive only through Secret references.
 */
final class DeploymentRules {

    /** Environment variables that carry credentials: they may only come from a secretKeyRef. */
    static final Set<String> SECRET_VARIABLES = Set.of(
            "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_CLIENT_SECRET",
            "SLACK_TOKEN_ENCRYPTION_KEY", "HUBSPOT_ACCESS_TOKEN", "SALESFORCE_ACCESS_TOKEN",
            "SALESFORCE_CLIENT_SECRET", "PIPEDRIVE_API_TOKEN", "REDIS_URL");

    /** Slack tokens (bot, user, app, refresh) and URLs with a user:password part. */
    private static final Pattern LOOKS_LIKE_A_CREDENTIAL =
            Pattern.compile("xox[abpre]-|xapp-|[a-z][a-z0-9+.-]*://[^/\\s@]*:[^/\\s@]+@");

    static final long APP_UID = 10001;

    private DeploymentRules() {
    }

    static void assertHardenedAndProbed(Map<String, Object> deployment) {
        Map<String, Object> pod = map(deployment, "spec", "template", "spec");
        Map<String, Object> container = onlyContainer(deployment);
        SoftAssertions softly = new SoftAssertions();

        Map<String, Object> podSecurity = map(pod, "securityContext");
        softly.assertThat(podSecurity.get("runAsNonRoot")).as("pod runAsNonRoot").isEqualTo(true);
        softly.assertThat(number(podSecurity.get("runAsUser"))).as("pod runAsUser").isEqualTo(APP_UID);
        softly.assertThat(at(podSecurity, "seccompProfile", "type")).as("pod seccomp").isEqualTo("RuntimeDefault");

        Map<String, Object> security = map(container, "securityContext");
        softly.assertThat(security.get("runAsNonRoot")).as("container runAsNonRoot").isEqualTo(true);
        softly.assertThat(number(security.get("runAsUser"))).as("container runAsUser").isEqualTo(APP_UID);
        softly.assertThat(security.get("allowPrivilegeEscalation")).as("allowPrivilegeEscalation").isEqualTo(false);
        softly.assertThat(security.get("readOnlyRootFilesystem")).as("readOnlyRootFilesystem").isEqualTo(true);
        softly.assertThat(list(security, "capabilities", "drop")).as("dropped capabilities").containsExactly("ALL");
        softly.assertThat(at(security, "seccompProfile", "type")).as("container seccomp").isEqualTo("RuntimeDefault");

        softly.assertThat(at(container, "livenessProbe", "httpGet", "path")).as("liveness probe")
                .isEqualTo("/actuator/health/liveness");
        softly.assertThat(at(container, "readinessProbe", "httpGet", "path")).as("readiness probe")
                .isEqualTo("/actuator/health/readiness");
        softly.assertThat(at(container, "startupProbe", "httpGet", "path")).as("startup probe")
                .isEqualTo("/actuator/health/liveness");
        softly.assertThat(at(container, "livenessProbe", "httpGet", "port")).as("liveness port").isEqualTo("http");
        softly.assertThat(list(container, "ports")).as("container ports")
                .contains(Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"));

        softly.assertThat(number(pod.get("terminationGracePeriodSeconds"))).as("terminationGracePeriodSeconds")
                .isGreaterThanOrEqualTo(30L);
        softly.assertThat(map(container, "resources", "requests")).as("resource requests")
                .containsKeys("cpu", "memory");
        softly.assertThat(map(container, "resources", "limits")).as("resource limits").containsKey("memory");

        String tmpVolume = list(container, "volumeMounts").stream()
                .map(mount -> KubernetesDocuments.asMap(mount, "volume mount"))
                .filter(mount -> "/tmp".equals(mount.get("mountPath")))
                .map(mount -> String.valueOf(mount.get("name")))
                .findFirst().orElse(null);
        softly.assertThat(tmpVolume).as("a volume mounted at /tmp").isNotNull();
        softly.assertThat(list(pod, "volumes")).as("/tmp is an emptyDir")
                .anySatisfy(volume -> {
                    assertThat(node(volume)).containsEntry("name", tmpVolume);
                    assertThat(node(volume)).containsKey("emptyDir");
                });

        Map<String, Object> podAnnotations = map(deployment, "spec", "template", "metadata", "annotations");
        softly.assertThat(podAnnotations).as("prometheus scrape annotations")
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/actuator/prometheus")
                .containsEntry("prometheus.io/port", "8080");
        softly.assertAll();
    }

    /** Every credential variable comes from a secretKeyRef, and no plain env value looks like a credential. */
    static void assertSecretsOnlyByReference(Map<String, Object> deployment) {
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> entry : env(onlyContainer(deployment))) {
            Object name = entry.get("name");
            if (SECRET_VARIABLES.contains(name)) {
                softly.assertThat(entry).as("env %s", name).doesNotContainKey("value");
                softly.assertThat(at(entry, "valueFrom", "secretKeyRef", "name")).as("env %s secret name", name)
                        .isInstanceOf(String.class);
                softly.assertThat(at(entry, "valueFrom", "secretKeyRef", "key")).as("env %s secret key", name)
                        .isInstanceOf(String.class);
            }
            if (entry.get("value") != null) {
                softly.assertThat(looksLikeACredential(String.valueOf(entry.get("value"))))
                        .as("plain env %s looks like a credential", name).isFalse();
            }
        }
        softly.assertAll();
    }

    /** A ConfigMap holds no credential variable and no value that looks like a credential. */
    static void assertNoCredentials(Map<String, Object> configMap) {
        Map<String, Object> data = map(configMap, "data");
        assertThat(data.keySet()).as("credential variables in ConfigMap %s", map(configMap, "metadata").get("name"))
                .doesNotContainAnyElementsOf(SECRET_VARIABLES);
        assertThat(data.values()).as("ConfigMap values")
                .noneMatch(value -> looksLikeACredential(String.valueOf(value)));
    }

    static boolean looksLikeACredential(String value) {
        return LOOKS_LIKE_A_CREDENTIAL.matcher(value).find();
    }

    private static Map<String, Object> node(Object node) {
        return KubernetesDocuments.asMap(node, "node");
    }

    private static Long number(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }
}
