package org.digestkg.extractor.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.digestkg.extractor.model.Field;
import org.digestkg.extractor.model.Template;
import org.digestkg.extractor.parse.Label.Extent;
import org.digestkg.extractor.parse.Label.Target;

/**
 * The template a digest is read with. Inferred from the digest's own entries when it has at least
 * {@value #MIN_ENTRIES}: a label-shaped line is a field if its name occurs in at least a third of the entries, printed
 * the same way ({@link #recurs}: one template prints a label alike in every entry, an LLM's "Step 1:" varies); the synonym table ({@link Labels}) only says which property a field maps to, and a field it does
 * not know is kept as a note under its printed name. Unlabelled text that recurs at one place of the entries (the
 * paragraph after the last field, a line before the authors) is a field too: the abstract when it ends the entries of
 * a template that labels none, else a note. A digest with fewer entries is read with the label table alone.
 */
final class DigestTemplate {

    /** Fewer entries than this give too little to infer from. */
    static final int MIN_ENTRIES = 3;

    /** Labelled fields a template needs before the forms it prints them in say what is a label in it. */
    static final int MIN_STYLED = 3;

    private final boolean inferred;
    private final Labels labels;
    private final Map<String, Label> fields;
    private final Map<String, Label> unlabelled;
    private final Map<String, Integer> headings;
    private final java.util.Set<String> tagged;
    /** The forms the template prints its own fields' labels in ({@code **X:**}, {@code X:}, {@code #### X}...). */
    private final java.util.Set<LabelMatch.Form> forms;
    private final Template description;

    private DigestTemplate(boolean inferred, Labels labels, Map<String, Label> fields, Map<String, Label> unlabelled,
                           Map<String, Integer> headings, java.util.Set<String> tagged,
                           java.util.Set<LabelMatch.Form> forms, Template description) {
        this.inferred = inferred;
        this.forms = forms;
        this.labels = labels;
        this.fields = fields;
        this.unlabelled = unlabelled;
        this.headings = headings;
        this.tagged = tagged;
        this.description = description;
    }

    /** The label table alone, for a digest read in one pass or too small to infer from. */
    static DigestTemplate table(Labels labels) {
        return new DigestTemplate(false, labels, Map.of(), Map.of(), Map.of(), java.util.Set.of(), java.util.Set.of(),
                new Template(Template.Kind.TABLE, 0, List.of(), List.of(), 0));
    }

    /** Whether a name occurring in {@code count} of {@code entries} entries is a field of the template. */
    static boolean recurs(int count, int entries) {
        return count >= 2 && count * 3 >= entries;
    }

    /** Whether unlabelled text at one place of {@code count} of {@code entries} entries is a field. */
    static boolean unlabelledRecurs(int count, int entries) {
        return count >= 2 && count * 10 >= entries;
    }

    static DigestTemplate infer(TemplateSurvey survey, Labels labels) {
        int entries = survey.entries;
        if (entries < MIN_ENTRIES) {
            return new DigestTemplate(false, labels, Map.of(), Map.of(), survey.headings, java.util.Set.of(),
                    java.util.Set.of(), new Template(Template.Kind.TABLE, entries, tableFields(survey, labels), List.of(), 0));
        }
        Map<String, Label> fields = new HashMap<>();
        java.util.Set<String> tagged = new java.util.HashSet<>();
        java.util.Set<LabelMatch.Form> forms = java.util.EnumSet.noneOf(LabelMatch.Form.class);
        int styled = 0;
        List<Map.Entry<String, TemplateSurvey.Stats>> fieldStats = new ArrayList<>();
        List<Template.Slot> unrecognised = new ArrayList<>();
        boolean hasAbstract = false;
        for (Map.Entry<String, TemplateSurvey.Stats> e : survey.names.entrySet()) {
            TemplateSurvey.Stats s = e.getValue();
            if (!recurs(s.consistent(), entries)) {
                Label known = labels.lookup(new LabelShape.Line(s.printed, e.getKey(), "", s.form, false, false, 0), false);
                // a label the table knows still starts its field where it stands alone (not inside an abstract)
                unrecognised.add(new Template.Slot(s.printed, known != null ? mapsTo(known) : "text", s.entries, s.line));
                continue;
            }
            Label known = e.getKey().equals(TemplateSurvey.TITLE_LINE)
                    ? Label.field("Translated title", Field.TRANSLATED_TITLE, Extent.UNTIL_NEXT_LABEL)
                    : labels.lookup(new LabelShape.Line(s.printed, e.getKey(), "", s.form, false, false, 0), true);
            Label label = known == null || known.target() == Target.NOTE
                    ? Label.note(s.printed, Extent.UNTIL_NEXT_LABEL) : known;
            fields.put(e.getKey(), label.interrupting());
            fieldStats.add(e);
            // a heading with no value of its own (<summary>Details</summary>) and the title line label nothing
            if (!e.getKey().equals(TemplateSurvey.TITLE_LINE) && !(s.form == LabelMatch.Form.HEADING && s.valued == 0)) {
                styled++;
                for (LabelMatch.Form f : LabelMatch.Form.values()) {
                    if (s.forms[f.ordinal()] > 0) forms.add(f);
                }
            }
            if (recurs(s.tagged, entries) && (label.target() == Target.NOTE || label.field() != null
                    && label.field().isSummary())) {
                tagged.add(e.getKey());
            }
            hasAbstract |= label.field() == Field.ABSTRACT;
        }
        Map<String, Label> unlabelled = new HashMap<>();
        List<Map.Entry<String, TemplateSurvey.Stats>> unlabelledStats = new ArrayList<>();
        int stray = 0;
        for (Map.Entry<String, TemplateSurvey.Stats> e : survey.unlabelled.entrySet()) {
            TemplateSurvey.Stats s = e.getValue();
            if (!unlabelledRecurs(s.entries, entries)) {
                stray += s.entries;
                continue;
            }
            boolean endsEntries = s.last * 2 >= s.entries;
            Label label = !hasAbstract && endsEntries
                    ? Label.field("Abstract", Field.ABSTRACT, Extent.UNTIL_STRUCTURE).interrupting()
                    : Label.note("", Extent.UNTIL_NEXT_LABEL).interrupting();
            unlabelled.put(e.getKey(), label);
            unlabelledStats.add(e);
        }
        Template description = describe(survey, labels, fields, fieldStats, unlabelled, unlabelledStats, unrecognised,
                stray);
        return new DigestTemplate(true, labels, Map.copyOf(fields), Map.copyOf(unlabelled), survey.headings,
                java.util.Set.copyOf(tagged), styled >= MIN_STYLED ? forms : java.util.Set.of(), description);
    }

    boolean inferred() {
        return inferred;
    }

    Template description() {
        return description;
    }

    /**
     * The field a label-shaped line starts, or null when the line is text. In an inferred template: a field of the
     * template (which ends any value it follows), else a label the table knows (which ends an abstract only if it
     * interrupts: a fork printing a field only when it has a value, "Comment:" in a few entries, still has it read);
     * any other label-like line is text. With the table alone, also a heading of level 4 to 6 whatever its name.
     */
    Label field(LabelShape.Line shape) {
        if (shape.form() == LabelMatch.Form.TABLE) {
            return inferred ? fields.get(shape.key()) : null;
        }
        if (inferred) {
            Label field = fields.get(shape.key());
            return field != null ? field : labels.lookup(shape, false);
        }
        Label label = labels.lookup(shape, false);
        if (label == null && shape.level() >= 4) {
            label = Label.note(shape.printed(), Extent.UNTIL_NEXT_LABEL);
        }
        return label;
    }

    /**
     * Whether the values of the field named {@code key} start with bracketed tags the template prints before them
     * ({@code TL;DR: [Embodied][9.5] ✅ text}): the tags are another value, not the field's text.
     */
    boolean tagged(String key) {
        return tagged.contains(key);
    }

    /**
     * Whether the template prints its fields' labels in this form: a label the table knows, printed otherwise
     * ({@code 摘要：} in a digest whose labels are all bold), is text where it falls inside a value (a translation's
     * own "Abstract:" line). Unknown for a template not inferred.
     */
    boolean labelsFieldsAs(LabelMatch.Form form) {
        return !inferred || forms.isEmpty() || forms.contains(form);
    }

    /** Whether a label-shaped line is one of the template's own fields (a name that recurs). */
    boolean recurring(LabelShape.Line shape) {
        return inferred && fields.containsKey(shape.key());
    }

    /** The field unlabelled text after {@code after} (a label's key, or where it sits) is, or null. */
    Label unlabelled(String after) {
        return unlabelled.get(after);
    }

    /**
     * Whether a level-3 heading is a label rather than an entry's title, in a digest whose entries are headed by
     * titles without links: its name recurs.
     */
    boolean isHeadingLabel(String key) {
        return headings.getOrDefault(key, 0) >= 2;
    }

    // ---------------------------------------------------------------- what kg inspect shows

    private static Template describe(TemplateSurvey survey, Labels labels, Map<String, Label> fields,
                                     List<Map.Entry<String, TemplateSurvey.Stats>> fieldStats,
                                     Map<String, Label> unlabelled,
                                     List<Map.Entry<String, TemplateSurvey.Stats>> unlabelledStats,
                                     List<Template.Slot> unrecognised, int stray) {
        record Ordered(double at, Template.Slot slot) {
        }
        List<Ordered> slots = new ArrayList<>();
        Map<String, Double> at = new HashMap<>();
        for (Map.Entry<String, TemplateSurvey.Stats> e : fieldStats) {
            TemplateSurvey.Stats s = e.getValue();
            Label label = fields.get(e.getKey());
            boolean heading = s.form == LabelMatch.Form.HEADING && s.valued == 0;
            String mapsTo = heading ? "heading" : mapsTo(label);
            if (recurs(s.tagged, survey.entries) && (label.target() == Target.NOTE || label.field() != null
                    && label.field().isSummary())) {
                mapsTo += ", after tags kept as a note";
            }
            at.put(e.getKey(), s.meanOrdinal());
            slots.add(new Ordered(s.meanOrdinal(), new Template.Slot(s.printed, mapsTo, s.entries, s.line)));
        }
        for (Map.Entry<String, TemplateSurvey.Stats> e : unlabelledStats) {
            TemplateSurvey.Stats s = e.getValue();
            String where = e.getKey().equals(TemplateSurvey.AFTER_HEADING) ? "under the heading"
                    : e.getKey().equals(TemplateSurvey.AFTER_AUTHORS) ? "after the authors"
                    : "after " + survey.names.getOrDefault(e.getKey(), s).printed;
            double position = at.getOrDefault(e.getKey(), e.getKey().equals(TemplateSurvey.AFTER_HEADING) ? -1.0 : 0.0)
                    + 0.5;
            slots.add(new Ordered(position, new Template.Slot("(unlabelled text " + where + ")",
                    mapsTo(unlabelled.get(e.getKey())), s.entries, s.line)));
        }
        slots.sort(Comparator.comparingDouble(Ordered::at));
        unrecognised.sort(Comparator.comparingInt(Template.Slot::entries).reversed()
                .thenComparingInt(Template.Slot::line));
        List<Template.Slot> listed = unrecognised.subList(0, Math.min(Template.MAX_LISTED, unrecognised.size()));
        return new Template(Template.Kind.INFERRED, survey.entries, slots.stream().map(Ordered::slot).toList(), listed,
                stray);
    }

    /** For a small digest: the labels found that the table knows, with their counts. */
    private static List<Template.Slot> tableFields(TemplateSurvey survey, Labels labels) {
        List<Template.Slot> slots = new ArrayList<>();
        survey.names.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, TemplateSurvey.Stats> e) -> e.getValue().meanOrdinal()))
                .forEach(e -> {
                    TemplateSurvey.Stats s = e.getValue();
                    Label label = labels.lookup(new LabelShape.Line(s.printed, e.getKey(), "", s.form, false, false, 0), false);
                    if (label != null) {
                        slots.add(new Template.Slot(s.printed, mapsTo(label), s.entries, s.line));
                    }
                });
        return slots;
    }

    /** The name of what a label's value becomes, in the words of the synonym table. */
    static String mapsTo(Label label) {
        return switch (label.target()) {
            case MAIN_CATEGORY -> "main category";
            case CATEGORIES -> "categories";
            case AUTHORS -> "authors";
            case TITLE -> "title";
            case LINK -> "link";
            case CODE -> "code";
            case NOTE -> "note";
            case FIELD -> name(label.field());
        };
    }

    /** A field's name in the words of the synonym table ({@code template-labels.txt}). */
    static String name(Field field) {
        return switch (field) {
            case TLDR -> "tldr";
            case MOTIVATION -> "motivation";
            case METHOD -> "method";
            case RESULT -> "result";
            case CONCLUSION -> "conclusion";
            case ABSTRACT -> "abstract";
            case ABSTRACT_TRANSLATION -> "abstract translation";
            case TRANSLATED_TITLE -> "translated title";
            case KEYWORDS -> "keywords";
            case COMMENT -> "comment";
        };
    }
}
