package org.threatanalysis.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A reference file as analysts can edit it: UTF-8, tab-separated, a header line, {@code #}
 * comments, and alternatives in the last column separated by {@code " ; "}.
 */
record TsvTable(String name, List<String> columns, List<Map<String, String>> rows, byte[] content) {

    static TsvTable read(String name, InputStream in) throws IOException {
        byte[] content = in.readAllBytes();
        List<String> columns = null;
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new java.io.ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String[] fields = line.split("\t", -1);
                if (columns == null) {
                    columns = Arrays.stream(fields).map(String::trim).toList();
                    continue;
                }
                if (fields.length > columns.size()) {
                    throw new IOException("Reference file " + name + " line " + lineNumber + " has "
                            + fields.length + " fields, the header has " + columns.size());
                }
                Map<String, String> row = new java.util.LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), i < fields.length ? fields[i].trim() : "");
                }
                rows.add(row);
            }
        }
        if (columns == null) {
            throw new IOException("Reference file " + name + " has no header line");
        }
        return new TsvTable(name, columns, rows, content);
    }

    /** This table with rows appended (from a reference workbook); the content covers them too. */
    TsvTable plus(List<Map<String, String>> more, String origin) {
        List<Map<String, String>> all = new ArrayList<>(rows);
        StringBuilder text = new StringBuilder("\n# from ").append(origin).append('\n');
        for (Map<String, String> row : more) {
            Map<String, String> complete = new java.util.LinkedHashMap<>();
            for (String column : columns) {
                complete.put(column, row.getOrDefault(column, ""));
            }
            all.add(complete);
            text.append(String.join("\t", complete.values())).append('\n');
        }
        byte[] extra = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] joined = java.util.Arrays.copyOf(content, content.length + extra.length);
        System.arraycopy(extra, 0, joined, content.length, extra.length);
        return new TsvTable(name, columns, List.copyOf(all), joined);
    }

    static List<String> alternatives(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    <K> Map<K, Map<String, String>> index(Function<Map<String, String>, K> key) {
        return rows.stream().collect(Collectors.toMap(key, row -> row, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
