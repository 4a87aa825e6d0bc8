package org.digestkg.extractor.model;

/**
 * Something wrong in the input, located so a person can open the file at the line.
 *
 * @param file    the source file as named by the user
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param message what is wrong, in plain words
 */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
