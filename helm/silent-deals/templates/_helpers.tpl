{{/*
The chart's name, overridable with nameOverride.
*/}}
{{- define "silent-deals.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name of the release's objects: the release name, prefixed with the chart name unless it
already contains it. Truncated to 63 characters, the limit of some Kubernetes name fields.
*/}}
{{- define "silent-deals.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "silent-deals.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "silent-deals.selectorLabels" -}}
app.kubernetes.io/name: {{ include "silent-deals.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "silent-deals.labels" -}}
helm.sh/chart: {{ include "silent-deals.chart" . }}
{{ include "silent-deals.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "silent-deals.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "silent-deals.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "silent-deals.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion | toString) }}
{{- end }}

{{/*
The teams file sits alone in its own directory: a ConfigMap volume is read-only, so nothing else may be
mounted below it.
*/}}
{{- define "silent-deals.teamsFile" -}}
/etc/silent-deals/teams/teams.yaml
{{- end }}

{{/*
One environment variable read from a key of an existing Secret. The chart never renders secret values.
Call with (list "ENV_NAME" "secret-name" "secret-key") or (list "ENV_NAME" "secret-name" "secret-key" true)
for a key that may be missing.
*/}}
{{- define "silent-deals.secretEnv" -}}
- name: {{ index . 0 }}
  valueFrom:
    secretKeyRef:
      name: {{ index . 1 | quote }}
      key: {{ index . 2 | quote }}
      {{- if and (gt (len .) 3) (index . 3) }}
      optional: true
      {{- end }}
{{- end }}

{{/*
The secret environment of the container, by Slack mode, CRM adapter and Redis setting.
*/}}
{{- define "silent-deals.secretEnvs" -}}
{{- $slack := .Values.slack }}
{{- if and $slack.oauth.enabled (ne $slack.mode "http") }}
{{- fail "slack.oauth.enabled needs slack.mode=http: the OAuth redirect is an HTTP endpoint" }}
{{- end }}
{{- with $slack.existingSecret }}
{{- if not $slack.oauth.enabled }}
{{- /* OAuth mode takes each workspace's bot token from its installation; a bot token here would switch it off. */}}
{{ include "silent-deals.secretEnv" (list "SLACK_BOT_TOKEN" . $slack.secretKeys.botToken) }}
{{- end }}
{{- if eq $slack.mode "socket" }}
{{ include "silent-deals.secretEnv" (list "SLACK_APP_TOKEN" . $slack.secretKeys.appToken) }}
{{- else }}
{{ include "silent-deals.secretEnv" (list "SLACK_SIGNING_SECRET" . $slack.secretKeys.signingSecret) }}
{{- if $slack.oauth.enabled }}
{{ include "silent-deals.secretEnv" (list "SLACK_CLIENT_ID" . $slack.secretKeys.clientId) }}
{{ include "silent-deals.secretEnv" (list "SLACK_CLIENT_SECRET" . $slack.secretKeys.clientSecret) }}
{{ include "silent-deals.secretEnv" (list "SLACK_TOKEN_ENCRYPTION_KEY" . $slack.secretKeys.tokenEncryptionKey) }}
{{- end }}
{{- end }}
{{- else }}
{{- if $slack.oauth.enabled }}
{{- fail "slack.oauth.enabled needs slack.existingSecret with the client id, client secret and encryption key" }}
{{- end }}
{{- end }}
{{- $crm := .Values.crm }}
{{- if ne $crm.adapter "file" }}
{{- $secret := required (printf "crm.existingSecret is required for the %s adapter" $crm.adapter) $crm.existingSecret }}
{{- if eq $crm.adapter "hubspot" }}
{{ include "silent-deals.secretEnv" (list "HUBSPOT_ACCESS_TOKEN" $secret $crm.secretKeys.hubspotAccessToken) }}
{{- else if eq $crm.adapter "salesforce" }}
{{- /* Salesforce works with an access token or with client credentials: whichever keys exist are used. */}}
{{ include "silent-deals.secretEnv" (list "SALESFORCE_ACCESS_TOKEN" $secret $crm.secretKeys.salesforceAccessToken true) }}
{{ include "silent-deals.secretEnv" (list "SALESFORCE_CLIENT_ID" $secret $crm.secretKeys.salesforceClientId true) }}
{{ include "silent-deals.secretEnv" (list "SALESFORCE_CLIENT_SECRET" $secret $crm.secretKeys.salesforceClientSecret true) }}
{{- else if eq $crm.adapter "pipedrive" }}
{{ include "silent-deals.secretEnv" (list "PIPEDRIVE_API_TOKEN" $secret $crm.secretKeys.pipedriveApiToken) }}
{{- end }}
{{- end }}
{{- $redis := .Values.redis }}
{{- if not $redis.url }}
{{- $secret := required "set redis.existingSecret (a Secret key holding REDIS_URL) or redis.url: the chart needs an external Redis" $redis.existingSecret }}
{{ include "silent-deals.secretEnv" (list "REDIS_URL" $secret $redis.existingSecretKey) }}
{{- end }}
{{- end }}

{{/*
An HTTP probe on the container's port from one entry of .Values.probes.
*/}}
{{- define "silent-deals.probe" -}}
httpGet:
  path: {{ .path }}
  port: http
initialDelaySeconds: {{ .initialDelaySeconds }}
periodSeconds: {{ .periodSeconds }}
timeoutSeconds: {{ .timeoutSeconds }}
failureThreshold: {{ .failureThreshold }}
{{- end }}
