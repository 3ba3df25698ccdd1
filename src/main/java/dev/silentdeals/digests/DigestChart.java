package dev.silentdeals.digests;

/** The chart that goes with a digest: a PNG, its file name, its title and the line introducing it. */
public record DigestChart(byte[] png, String filename, String title, String comment) {
}
