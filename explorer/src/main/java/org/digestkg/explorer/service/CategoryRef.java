package org.digestkg.explorer.service;

/** An arXiv category as the graph names it: the concept's IRI, its code ({@code cs.CV}) and its name, if known. */
public record CategoryRef(String iri, String code, String label) {

    /** From the usual ?concept ?category ?label (or ?section ?sectionLabel) columns; null when the row has none. */
    static CategoryRef of(Row row, String concept, String code, String label) {
        String iri = row.iri(concept);
        String c = row.text(code);
        return iri == null || c == null ? null : new CategoryRef(iri, c, row.text(label));
    }

    /** The code and, when known, the name: {@code cs.CV — Computer Vision and Pattern Recognition}. */
    public String display() {
        return label == null || label.isBlank() ? code : code + " — " + label;
    }
}
