package org.digestkg.storage.query;

import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.Lang;

/** How {@code kg query} prints SELECT and ASK results: W3C SPARQL 1.1 result formats, or a table for people. */
public enum ResultFormat {
    TABLE(null),
    CSV(ResultSetLang.RS_CSV),
    TSV(ResultSetLang.RS_TSV),
    JSON(ResultSetLang.RS_JSON),
    XML(ResultSetLang.RS_XML);

    final Lang lang;

    ResultFormat(Lang lang) {
        this.lang = lang;
    }
}
