package org.digestkg.explorer.web;

/** Input a page cannot use (a malformed day, an unknown format): answered 400 with this message, never 500. */
final class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message);
    }
}
