package org.digestkg.storage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.digestkg.storage.query.NamedQueries;

/** What the store holds, counted. */
public record Stats(long papers, long authors, long authorships, long categories, long digests, long appearances,
                    long triples, long quads, List<DayCount> perCategoryPerDay) {

    /** Papers listed under one category in one day's digest. */
    public record DayCount(LocalDate date, String category, long papers) {
    }

    public static Stats of(GraphStore store) {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            Binding counts = one(dsg, NamedQueries.load("stats"));
            List<DayCount> days = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(dsg).query(QueryFactory.create(NamedQueries.load("papers-per-category"))).build()) {
                qe.select().forEachRemaining(b -> days.add(new DayCount(
                        LocalDate.parse(b.get("date").getLiteralLexicalForm()),
                        b.get("category").getLiteralLexicalForm(),
                        number(b, "papers"))));
            }
            long quads = 0;
            var it = dsg.find();
            while (it.hasNext()) {
                it.next();
                quads++;
            }
            return new Stats(number(counts, "papers"), number(counts, "authors"), number(counts, "authorships"),
                    number(counts, "categories"), number(counts, "digests"), number(counts, "appearances"),
                    dsg.getUnionGraph().size(), quads, days);
        });
    }

    private static Binding one(DatasetGraph dsg, String query) {
        try (QueryExec qe = QueryExec.dataset(dsg).query(QueryFactory.create(query)).build()) {
            RowSet rows = qe.select();
            return rows.next();
        }
    }

    private static long number(Binding b, String var) {
        var n = b.get(var);
        return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
    }
}
