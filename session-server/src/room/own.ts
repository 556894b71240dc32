// Lookups by an id a client sent. State is plain JSON objects, so `record['__proto__']` or
// `record['constructor']` would find Object.prototype's members; only own keys count.
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
