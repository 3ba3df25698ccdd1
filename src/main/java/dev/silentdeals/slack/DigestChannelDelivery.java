package dev.silentdeals.slack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.model.block.LayoutBlock;
import dev.silentdeals.digests.DigestChart;
import dev.silentdeals.digests.DigestDelivery;
import dev.silentdeals.digests.RenderedDigest;
import dev.silentdeals.teams.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a digest to the team's channel: the message, its thread replies when the team is large, then the
 * chart through Slack's upload flow (files.getUploadURLExternal, the bytes POSTed to the URL it gives,
 * files.completeUploadExternal to share it in the channel).
 */
class DigestChannelDelivery implements DigestDelivery {

    private static final Logger log = LoggerFactory.getLogger(DigestChannelDelivery.class);
    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(60);

    private final SlackGateway gateway;
    private final HttpClient uploads = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    DigestChannelDelivery(SlackGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void post(String slackTeam, Team team, RenderedDigest digest, DigestChart chart) {
        SlackGateway.Posted posted;
        try {
            posted = gateway.post(slackTeam, team.channel(), digest.notification(), digest.main());
        } catch (RuntimeException e) {
            throw new DigestNotPosted("digest for team " + team.name() + " not posted to " + team.channel() + ": "
                    + e.getMessage(), e);
        }
        // From here on the digest is in the channel: a failing part is logged, never retried as a whole.
        for (List<LayoutBlock> reply : digest.thread()) {
            try {
                gateway.reply(slackTeam, posted.channel(), posted.ts(), digest.notification(), reply);
            } catch (RuntimeException e) {
                log.warn("Digest for team {}: a thread reply could not be posted: {}", team.name(), e.getMessage());
            }
        }
        if (chart != null) {
            try {
                share(slackTeam, posted.channel(), chart);
            } catch (RuntimeException e) {
                log.warn("Digest for team {}: the chart could not be shared: {}", team.name(), e.getMessage());
            }
        }
    }

    private void share(String slackTeam, String channelId, DigestChart chart) {
        var upload = gateway.call("files.getUploadURLExternal", () -> gateway.methods(slackTeam).filesGetUploadURLExternal(r -> r
                .filename(chart.filename()).length(chart.png().length).altTxt(chart.title())));
        sendBytes(upload.getUploadUrl(), chart.png());
        gateway.call("files.completeUploadExternal", () -> gateway.methods(slackTeam).filesCompleteUploadExternal(r -> r
                .files(List.of(FileDetails.builder().id(upload.getFileId()).title(chart.title()).build()))
                .channelId(channelId).initialComment(chart.comment())));
    }

    /** The upload URL is pre-signed: it takes the raw bytes and no token. */
    private void sendBytes(String uploadUrl, byte[] bytes) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            HttpResponse<String> response = uploads.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SlackGateway.SlackCallFailed("file upload", "http " + response.statusCode());
            }
        } catch (IOException e) {
            throw new SlackGateway.SlackCallFailed("file upload", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackGateway.SlackCallFailed("file upload", "interrupted");
        }
    }
}
