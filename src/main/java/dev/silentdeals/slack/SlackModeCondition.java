package dev.silentdeals.slack;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Beans that only exist in one Slack mode (HTTP endpoint, Socket Mode, or connected at all). */
abstract class SlackModeCondition implements Condition {

    static SlackProperties.Mode mode(ConditionContext context) {
        return Binder.get(context.getEnvironment()).bind("silent-deals.slack", SlackProperties.class)
                .orElseGet(() -> new SlackProperties(null, null, null, null, null, null, null)).mode();
    }

    /** Slack over HTTP: /slack/events. */
    static final class Http extends SlackModeCondition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return mode(context) == SlackProperties.Mode.HTTP;
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
