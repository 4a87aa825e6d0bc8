package org.digestkg.bench;

/**
 * What a generated corpus holds.
 *
 * @param days             digest files written
 * @param papersListed     entries over all files (a paper listed twice counts twice)
 * @param distinctPapers   distinct arXiv ids
 * @param distinctAuthors  distinct author names printed
 * @param bytesWritten     total size of the files
 */
public record CorpusStats(int days, long papersListed, long distinctPapers, long distinctAuthors,
                          long bytesWritten) {

    @Override
    public String toString() {
        return String.format("days=%d papersListed=%d distinctPapers=%d distinctAuthors=%d bytesWritten=%d (%.1f MB)",
                days, papersListed, distinctPapers, distinctAuthors, bytesWritten, bytesWritten / 1e6);
    }
}
