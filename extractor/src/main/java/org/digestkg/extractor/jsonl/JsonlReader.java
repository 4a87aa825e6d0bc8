package org.digestkg.extractor.jsonl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.digestkg.extractor.model.Problem;

/**
 * Reads the generator's JSONL: one JSON object per line ({@link GeneratorRecord}). A line that is not a JSON
 * object is a warning naming the file and line, and is skipped; the other lines are read. JSON is parsed by Jena's
 * own parser ({@code org.apache.jena.atlas.json}), which the extractor already depends on.
 */
public final class JsonlReader {

    /** Longer lines are not parsed: no record of a day's paper is that long. */
    static final int MAX_LINE_CHARS = 4 << 20;

    private JsonlReader() {
    }

    /**
     * Every record of {@code file}, in order.
     *
     * @param name     how the file is named in messages
     * @param warnings receives a problem for each line that is not a record
     */
    public static List<GeneratorRecord> read(Path file, String name, Consumer<Problem> warnings) throws IOException {
        List<GeneratorRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_LINE_CHARS) {
                    warnings.accept(new Problem(name, lineNo, "line is " + line.length() + " characters long, over the"
                            + " limit of " + MAX_LINE_CHARS + "; skipped"));
                    continue;
                }
                try {
                    records.add(record(line, lineNo));
                } catch (JsonException | IllegalArgumentException e) {
                    String why = e.getMessage() == null ? e.toString() : e.getMessage();
                    warnings.accept(new Problem(name, lineNo, "not a JSON record (" + firstLine(why) + "); skipped"));
                }
            }
        }
        return records;
    }

    /** The record one line holds. */
    static GeneratorRecord record(String json, int line) {
        JsonValue value = JSON.parseAny(json);
        if (!value.isObject()) {
            throw new IllegalArgumentException("a JSON " + kind(value) + ", not an object");
        }
        JsonObject o = value.getAsObject();
        Map<String, String> ai = new LinkedHashMap<>();
        JsonValue aiValue = o.get("AI");
        if (aiValue != null && aiValue.isObject()) {
            for (Map.Entry<String, JsonValue> e : aiValue.getAsObject().entrySet()) {
                String text = text(e.getValue());
                if (text != null) {
                    ai.put(e.getKey(), text);
                }
            }
        }
        return new GeneratorRecord(line, text(o.get("id")), text(o.get("title")), list(o.get("authors")),
                list(o.get("categories")), text(o.get("summary")), text(o.get("comment")), text(o.get("abs")),
                text(o.get("pdf")), list(o.get("code_url")), ai);
    }

    /** A scalar as text; a list of scalars joined with ", "; null for JSON null, objects and absent keys. */
    static String text(JsonValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.getAsString().value();
        }
        if (v.isNumber()) {
            return v.getAsNumber().value().toString();
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.getAsBoolean().value());
        }
        if (v.isArray()) {
            List<String> parts = list(v);
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
        return null;
    }

    /** A list of texts: an array's scalars, or one scalar. */
    static List<String> list(JsonValue v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            JsonArray a = v.getAsArray();
            for (JsonValue x : a) {
                if (!x.isArray() && !x.isObject()) {
                    String t = text(x);
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
        } else {
            String t = text(v);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static String kind(JsonValue v) {
        return v.isArray() ? "array" : v.isString() ? "string" : v.isNumber() ? "number" : "value";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String t = nl < 0 ? s : s.substring(0, nl);
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }
}
