package org.digestkg.coauthorship.sparql;

/**
 * The digest-kg property functions: triple patterns that SPARQL queries on a digest-kg store (in Fuseki or
 * {@code kg query}) answer from the co-authorship index instead of joining authorships.
 *
 * <pre>
 * PREFIX kgfn: &lt;https://w3id.org/digest-kg/fn#&gt;
 * ?author kgfn:coauthor (?coauthor ?papers ?weight ?name)                # one row per co-author
 * ?author kgfn:twoHop   (?person ?distance ?papers ?via ?name)           # everyone within two steps
 * (?a ?b ?papers ?weight ?nameA ?nameB) kgfn:topPairs (20 "cs.CV")      # the strongest pairs, best first
 * </pre>
 *
 * Trailing output variables may be left out; {@code ?weight} is the fractional (Newman) weight rounded to 6
 * decimals; a name is the person's {@code foaf:name}. Papers are the {@code dkg:Paper}s with {@code dcterms:creator}
 * links. The plain-SPARQL equivalents are the named queries' test oracle.
 */
public final class KGFN {

    public static final String NS = "https://w3id.org/digest-kg/fn#";
    public static final String COAUTHOR = NS + "coauthor";
    public static final String TWO_HOP = NS + "twoHop";
    public static final String TOP_PAIRS = NS + "topPairs";

    private KGFN() {
    }
}
