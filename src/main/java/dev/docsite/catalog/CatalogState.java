package dev.docsite.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docsite.content.ErrorCatalog;
import dev.docsite.content.ErrorEntry;
import dev.docsite.content.SourcePos;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What catalogs say, as one canonical text: every component of {@link ErrorCatalog} and {@link ErrorEntry}
 * (found by reflection, so a field added to the records is part of it without anyone listing it) except
 * the ones that only say where something was written ({@link SourcePos} and maps of them): moving an entry
 * in its file must not change its state, editing any field must. The render cache keys pages that show
 * catalog text by it.
 */
public final class CatalogState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogState() {}

    public static String of(List<ErrorCatalog> catalogs) {
        ArrayNode all = JSON.createArrayNode();
        for (ErrorCatalog c : catalogs) all.add(tree(c));
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The components of a record type that count: all but its source positions, in declaration order. */
    public static List<RecordComponent> visibleComponents(Class<? extends Record> type) {
        List<RecordComponent> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) if (!isPosition(rc.getGenericType())) out.add(rc);
        return out;
    }

    private static boolean isPosition(Type t) {
        if (t == SourcePos.class) return true;
        if (t instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) if (isPosition(arg)) return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static JsonNode tree(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) return f.nullNode();
        if (value instanceof Record r) {
            ObjectNode o = f.objectNode();
            for (RecordComponent rc : visibleComponents((Class<? extends Record>) r.getClass())) {
                try {
                    o.set(rc.getName(), tree(rc.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + rc, e);
                }
            }
            return o;
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode o = f.objectNode();
            // Sorted: the same map must give the same text whatever its iteration order.
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            sorted.forEach((k, v) -> o.set(k, tree(v)));
            return o;
        }
        if (value instanceof Collection<?> c) {
            ArrayNode a = f.arrayNode();
            for (Object x : c) a.add(tree(x));
            return a;
        }
        if (value instanceof Enum<?> e) return f.textNode(e.getDeclaringClass().getSimpleName() + "." + e.name());
        if (value instanceof Integer i) return f.numberNode(i);
        if (value instanceof Long l) return f.numberNode(l);
        if (value instanceof Boolean b) return f.booleanNode(b);
        if (value instanceof String s) return f.textNode(s);
        // A type the catalog does not use yet: fail loudly rather than guess what of it is visible.
        throw new IllegalStateException("CatalogState cannot represent a " + value.getClass().getName() + "; extend CatalogState.tree");
    }
}
