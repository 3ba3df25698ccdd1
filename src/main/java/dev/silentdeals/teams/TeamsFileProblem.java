package dev.silentdeals.teams;

/** One problem in the teams file, with where it is (line, and the path such as {@code teams[1].schedule}). */
public record TeamsFileProblem(int line, String path, String message) {

    @Override
    public String toString() {
        return "line " + line + " (" + path + "): " + message;
    }
}
