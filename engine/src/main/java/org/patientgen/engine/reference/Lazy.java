package org.patientgen.engine.reference;

import java.util.function.Supplier;

/**
 * A value loaded on first use, once, and shared by all threads: reference tables are read
 * from the classpath only when a run needs them.
 */
final class Lazy<T> {
    private final Supplier<T> loader;
    private volatile T value;

    Lazy(Supplier<T> loader) {
        this.loader = loader;
    }

    T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = loader.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
