package dev.docsite.render;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which parts of the renderer act on a page body, and so which inputs its render reads: for a fixed list of
 * {@link RenderDependency} parts, what {@link RenderDependency#actsOn} and {@link RenderDependency#reads} give part by
 * part, found in one pass over the body instead of one search per marker (the cache key of every page asks).
 * Each marker is looked for where its first character that is not a letter or digit stands (':' '=' '-'), rarer in
 * prose than letters.
 */
final class MarkerScan {
    private final EnumSet<RenderDependency.Input> always = EnumSet.noneOf(RenderDependency.Input.class);
    private final List<RenderDependency> parts = new ArrayList<>();   // those with markers, by index
    private final List<String> slow = new ArrayList<>();              // markers without an ASCII pivot, searched the plain way
    private final List<Integer> slowPart = new ArrayList<>();
    private final Probe[][] byPivot = new Probe[128][];

    /** A marker of part {@code part}, whose character at {@code offset} is the pivot it is looked for at. */
    private record Probe(char[] marker, int offset, int part) {}

    MarkerScan(List<? extends RenderDependency> dependencies) {
        for (RenderDependency d : dependencies) {
            if (d.markers().isEmpty()) { always.addAll(d.reads()); continue; }
            int part = parts.size();
            parts.add(d);
            for (String m : d.markers()) {
                int at = 0;
                while (at < m.length() - 1 && Character.isLetterOrDigit(m.charAt(at))) at++;
                char c = m.charAt(at);
                if (c >= 128) { slow.add(m); slowPart.add(part); continue; }
                Probe[] old = byPivot[c] == null ? new Probe[0] : byPivot[c];
                Probe[] probes = java.util.Arrays.copyOf(old, old.length + 1);
                probes[old.length] = new Probe(m.toCharArray(), at, part);
                byPivot[c] = probes;
            }
        }
    }

    /** The inputs read by the parts that act on {@code body}. */
    Set<RenderDependency.Input> reads(String body) {
        Set<RenderDependency.Input> out = EnumSet.copyOf(always);
        boolean[] acts = new boolean[parts.size()];
        for (int k = 0; k < slow.size(); k++) if (body.contains(slow.get(k))) acts[slowPart.get(k)] = true;
        // A char array: String.charAt is slow under the JIT the launcher picks (C1 only).
        char[] text = body.toCharArray();
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            Probe[] probes = c < 128 ? byPivot[c] : null;
            if (probes == null) continue;
            for (Probe p : probes) if (!acts[p.part()] && at(text, i - p.offset(), p.marker())) acts[p.part()] = true;
        }
        for (int k = 0; k < acts.length; k++) if (acts[k]) out.addAll(parts.get(k).reads());
        return out;
    }

    private static boolean at(char[] text, int start, char[] marker) {
        if (start < 0 || start + marker.length > text.length) return false;
        for (int j = 0; j < marker.length; j++) if (text[start + j] != marker[j]) return false;
        return true;
    }
}
