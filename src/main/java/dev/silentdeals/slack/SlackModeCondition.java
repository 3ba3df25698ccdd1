package dev.silentdeals.slack;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Beans that only exist in one Slack mode (HTTP endpoint, Socket Mode, or connected at all). */
abstract class SlackModeCondition implements Condition {

    static SlackProperties.Mode mode(ConditionContext context) {
        return Binder.get(context.getEnvironment()).bind("silent-deals.slack", SlackProperties.class)
                .orElseGet(() -> new SlackProperties(null, null, null, null, null, null, null, null)).mode();
    }

    /** Slack over HTTP: /slack/events (one workspace, or many through OAuth). */
    static final class Http extends SlackModeCondition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            SlackProperties.Mode mode = mode(context);
            return mode == SlackProperties.Mode.HTTP || mode == SlackProperties.Mode.OAUTH;
        }
    }

    /** Many workspaces: the OAuth install flow and installed tokens. */
    static final class OAuth extends SlackModeCondition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return mode(context) == SlackProperties.Mode.OAUTH;
        }
    }

    /** One workspace whose bot token is configured (or preview mode, which needs none). */
    static final class SingleToken extends SlackModeCondition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return mode(context) != SlackProperties.Mode.OAUTH;
        }
    }

    /** Slack over Socket Mode. */
    static final class Socket extends SlackModeCondition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return mode(context) == SlackProperties.Mode.SOCKET;
        }
    }

    /** Any real Slack connection (HTTP or Socket Mode). */
    static final class Connected extends SlackModeCondition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return mode(context) != SlackProperties.Mode.PREVIEW;
        }
    }
}
