package dev.silentdeals.truth;

/**
 * What a rep learned. YES and NO end the episode; REPLIED (the prospect came back on their own) ends it
 * too; NOT_REACHED is counted but keeps the episode open.
 */
public enum Outcome {
    YES, NO, NOT_REACHED, REPLIED;

    public boolean endsEpisode() {
        return this != NOT_REACHED;
    }

    /** YES and NO come from a real conversation: the quiet time starts again from it. */
    public boolean isConversation() {
        return this == YES || this == NO;
    }
}
