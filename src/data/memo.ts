/**
 * A size-bounded memo for per-call results keyed by the raw argument. Worksheets repeat the
 * same few inputs thousands of times, so a hit must cost one Map.get; the bound keeps a
 * sheet full of distinct junk from growing memory (oldest entry evicted first).
 */
export class BoundedMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit = 4096) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): V {
    if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, value);
    return value;
  }

  get size(): number {
    return this.map.size;
  }
}
