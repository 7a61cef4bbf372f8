package org.threatanalysis.reference;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe cache of results per distinct text that never holds more than a fixed number of
 * entries: when full it starts over. Submissions repeat a few thousand phrasings thousands of
 * times, which the cache learns again within a few rows; case-level text that is unique per row
 * would otherwise fill the heap (the job runs in 256 MB) with entries that are never asked again.
 */
public final class BoundedCache<K, V> {

    private final int limit;
    private final Map<K, V> entries = new ConcurrentHashMap<>();

    public BoundedCache(int limit) {
        this.limit = limit;
    }

    public V get(K key, Function<K, V> compute) {
        V value = entries.get(key);
        if (value != null) {
            return value;
        }
        value = compute.apply(key);
        if (entries.size() >= limit) {
            entries.clear();
        }
        entries.put(key, value);
        return value;
    }
}
