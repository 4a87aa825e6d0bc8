package org.digestkg.extractor.parse;

import java.io.IOException;

/** Where a digest's lines come from: the file ({@link LineReader}), or lines kept from a first pass. */
interface LineSource {

    /** The next line, or null at the end. */
    LineReader.Line next() throws IOException;
}
