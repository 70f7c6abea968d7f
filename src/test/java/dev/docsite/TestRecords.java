package dev.docsite;

import java.lang.reflect.RecordComponent;

/** Copies of records with one component replaced, through the canonical constructor: tests keep compiling when a record grows. */
public final class TestRecords {
    private TestRecords() {}

    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R r, String name, Object value) {
        try {
            RecordComponent[] rcs = r.getClass().getRecordComponents();
            Object[] args = new Object[rcs.length];
            Class<?>[] types = new Class<?>[rcs.length];
            boolean found = false;
            for (int i = 0; i < rcs.length; i++) {
                types[i] = rcs[i].getType();
                found |= rcs[i].getName().equals(name);
                args[i] = rcs[i].getName().equals(name) ? value : rcs[i].getAccessor().invoke(r);
            }
            if (!found) throw new IllegalArgumentException(r.getClass().getSimpleName() + " has no component " + name);
            var ctor = r.getClass().getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return (R) ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
