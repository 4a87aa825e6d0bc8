package org.digestkg.server.search;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.digestkg.storage.search.SearchService;

/**
 * Full-text search as JSON beside the SPARQL endpoint, for pages and scripts: a Fuseki module adding
 * {@link SearchServlet} at {@code /DATASET/search} (papers, ranked, with snippets) and {@code /DATASET/search/days}
 * (papers per day listed). The SPARQL endpoint answers {@code text:query} on its own: the index lives in the served
 * dataset.
 */
public final class SearchModule implements FusekiModule {

    private final String path;
    private final SearchService service;

    /**
     * @param datasetPath the served dataset's path ({@code /kg})
     * @param dsg         the served dataset, which must carry the store's text index
     */
    public SearchModule(String datasetPath, DatasetGraph dsg) {
        this.path = datasetPath + "/search";
        this.service = new SearchService(dsg);
    }

    @Override
    public String name() {
        return "search";
    }

    /** Where the search answers, relative to the server ({@code /kg/search}). */
    public String path() {
        return path;
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        SearchServlet servlet = new SearchServlet(service);
        builder.addServlet(path, servlet);
        builder.addServlet(path + "/days", servlet);
    }
}
