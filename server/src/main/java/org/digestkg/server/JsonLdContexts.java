package org.digestkg.server;

import java.io.InputStream;
import java.io.Reader;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;

import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.ReaderRIOT;
import org.apache.jena.riot.ReaderRIOTFactory;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.util.Context;

/**
 * JSON-LD read without fetching remote {@code @context} documents.
 *
 * <p>Jena's JSON-LD reader (Titanium) loads a {@code "@context": "http://…"} or {@code "file:…"} by default, so a
 * client sending JSON-LD — a Graph Store Protocol upload, or the Fuseki UI's data validator, which anyone may
 * call — could make the server fetch any URL or read a local file. Fuseki parses those with Jena's process-wide
 * settings, so the only hook is process-wide too: the JSON-LD reader is replaced, once, by Jena's own reader given
 * a document loader that refuses every remote context (a fresh one per parse: Jena's reader writes the base IRI
 * into the options it is given). Inline contexts work as before. This applies to the whole JVM once a
 * {@link KgServer} has been built in it.
 */
final class JsonLdContexts {

    private static boolean installed;

    private JsonLdContexts() {}

    static synchronized void refuseRemote() {
        if (installed) {
            return;
        }
        ReaderRIOTFactory factory = LocalContextsOnly::new;
        for (Lang lang : new Lang[] {Lang.JSONLD, Lang.JSONLD11}) {
            RDFParserRegistry.registerLangTriples(lang, factory);
            RDFParserRegistry.registerLangQuads(lang, factory);
        }
        installed = true;
    }

    private static final class LocalContextsOnly implements ReaderRIOT {
        private final LangJSONLD11 reader;

        LocalContextsOnly(Lang lang, ParserProfile profile) {
            this.reader = new LangJSONLD11(lang, profile, profile.getErrorHandler());
        }

        @Override
        public void read(InputStream in, String baseURI, ContentType ct, StreamRDF output, Context context) {
            reader.read(in, baseURI, ct, output, withoutRemoteContexts(context));
        }

        @Override
        public void read(Reader in, String baseURI, ContentType ct, StreamRDF output, Context context) {
            reader.read(in, baseURI, ct, output, withoutRemoteContexts(context));
        }

        private static Context withoutRemoteContexts(Context context) {
            Context c = (context == null ? RIOT.getContext() : context).copy();
            c.set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions((url, options) -> {
                throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                        "remote JSON-LD context <" + url + "> not loaded: this server fetches no documents; "
                        + "put the context inline");
            }));
            return c;
        }
    }
}
