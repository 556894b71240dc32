// Memoising view and state parts by the (never changed) state objects they are built from.

/**
 * The same view part for the same state part. The state is never changed in place (apply makes
 * new objects), so a part built for an object stays right for it: a batch tick that changed nothing
 * there builds nothing new, and the diff against the last view sent (protocol/view-patch.ts) stops
 * at `===`. Host and beamer views of every room are built once a second; what they rebuilt each
 * time lived that second and weighed on the full garbage collections. The card list (cards.ts)
 * is memoised the same way, so the view parts keyed by it hold too.
 */
export function memo<K extends object, V, T = undefined>(build: (key: K, tag: T) => V): (key: K, tag?: T) => V {
  // `tag`: what else the part depends on (compared with ===); a part built under another tag is built anew.
  const built = new WeakMap<K, { tag: T | undefined; value: V }>();
  return (key, tag) => {
    const known = built.get(key);
    if (known && known.tag === tag) return known.value;
    const value = build(key, tag as T);
    built.set(key, { tag, value });
    return value;
  };
}
