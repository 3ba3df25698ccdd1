package dev.silentdeals.digests;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;

/**
 * Slack's Block Kit limits, and packing a long digest into messages that respect them: whole parts stay
 * together where they fit, and what does not fit in the first message continues in the thread.
 */
final class BlockKitLimits {

    static final int MAX_BLOCKS = 50;
    static final int SECTION_TEXT = 3000;
    static final int FIELD_TEXT = 2000;
    static final int HEADER_TEXT = 150;

    private BlockKitLimits() {
    }

    /** {@code text} cut to {@code max} characters, with an ellipsis when cut. */
    static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * Packs parts into messages of at most {@code maxBlocks} blocks, keeping {@code reserveInFirst} blocks
     * free in the first message (for its footer) and {@code reserveInOthers} free in the others (for a
     * heading). A part too large for any message is split between blocks.
     */
    static List<List<LayoutBlock>> pack(List<List<LayoutBlock>> parts, int maxBlocks, int reserveInFirst,
                                        int reserveInOthers) {
        List<List<LayoutBlock>> messages = new ArrayList<>();
        List<LayoutBlock> current = new ArrayList<>();
        for (List<LayoutBlock> part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (current.size() + part.size() <= room(messages, maxBlocks, reserveInFirst, reserveInOthers)) {
                current.addAll(part);
                continue;
            }
            if (!current.isEmpty()) {
                messages.add(current);
                current = new ArrayList<>();
            }
            for (LayoutBlock block : part) {
                if (current.size() == room(messages, maxBlocks, reserveInFirst, reserveInOthers)) {
                    messages.add(current);
                    current = new ArrayList<>();
                }
                current.add(block);
            }
        }
        if (!current.isEmpty() || messages.isEmpty()) {
            messages.add(current);
        }
        return messages;
    }

    private static int room(List<List<LayoutBlock>> messagesSoFar, int maxBlocks, int reserveInFirst,
                            int reserveInOthers) {
        return maxBlocks - (messagesSoFar.isEmpty() ? reserveInFirst : reserveInOthers);
    }
}
