package dev.silentdeals.digests;

import java.util.List;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;

/**
 * A digest as Slack messages: the first goes to the channel, the others (when a large team needs more
 * than Block Kit allows in one message) continue in its thread. Each message has at most 50 blocks.
 *
 * @param notification the message's plain text (notifications, screen readers)
 */
public record RenderedDigest(String notification, List<List<LayoutBlock>> messages) {

    public RenderedDigest {
        messages = messages.stream().map(List::copyOf).toList();
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a digest has at least one message");
        }
    }

    public List<LayoutBlock> main() {
        return messages.get(0);
    }

    public List<List<LayoutBlock>> thread() {
        return messages.subList(1, messages.size());
    }

    /** The whole digest as plain text, for the console in preview mode. */
    public String asText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                text.append("  ── in the thread ──\n");
            }
            for (LayoutBlock block : messages.get(i)) {
                append(text, block);
            }
        }
        return text.toString();
    }

    private static void append(StringBuilder text, LayoutBlock block) {
        if (block instanceof HeaderBlock header) {
            text.append("== ").append(header.getText().getText()).append(" ==\n");
        } else if (block instanceof SectionBlock section) {
            if (section.getText() != null) {
                text.append(plain(section.getText())).append('\n');
            }
            if (section.getFields() != null) {
                section.getFields().forEach(field -> text.append("  ").append(plain(field).replace("\n", " | "))
                        .append('\n'));
            }
        } else if (block instanceof ContextBlock context) {
            context.getElements().forEach(element -> {
                if (element instanceof TextObject object) {
                    text.append("  ").append(plain(object)).append('\n');
                }
            });
        } else if (block instanceof DividerBlock) {
            text.append("────\n");
        }
    }

    private static String plain(TextObject object) {
        String raw = object instanceof MarkdownTextObject markdown ? markdown.getText()
                : object instanceof PlainTextObject plainText ? plainText.getText() : "";
        String unformatted = raw.replaceAll("\\*([^*\n]+)\\*", "$1")
                .replaceAll("(?<![\\p{L}\\p{N}])_([^_\n]+)_(?![\\p{L}\\p{N}])", "$1");
        return unformatted.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
