package org.digestkg.bench;

/** The generated text fields of one listing, each a single line as the digest generator prints them. */
record Summary(String tldr, String motivation, String method, String result, String conclusion,
               String abstractText) {
}
