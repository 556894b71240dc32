// The size check every command passes before anything else is done with it (LIMITS.messageBytes).

/**
 * Whether a command as the client sent it takes at most `limit` bytes as JSON; a payload that cannot
 * be measured does not. Every command asks, so first a bound from the parsed value without writing
 * its JSON (a string counts 6 bytes a character, the most one can take escaped as UTF-8); only a
 * command that might be too large is written out and measured exactly.
 */
export function withinBytes(raw: unknown, limit: number): boolean {
  if (jsonBound(raw, limit, 0) <= limit) return true;
  try {
    return Buffer.byteLength(JSON.stringify(raw) ?? '') <= limit;
  } catch {
    return false;
  }
}

/** An upper bound on the bytes `value` takes as JSON; stops counting past `budget`. Infinity: not plain data. */
function jsonBound(value: unknown, budget: number, depth: number): number {
  if (typeof value === 'string') return 2 + 6 * value.length;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return 25;
  if (typeof value !== 'object' || depth > 32) return Infinity;
  let size = 2;
  if (Array.isArray(value)) {
    for (const item of value) {
      size += 1 + jsonBound(item, budget - size, depth + 1);
      if (size > budget) return size;
    }
    return size;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return Infinity;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    // Quotes, colon and comma, the key escaped at worst, and its value.
    size += 4 + 6 * key.length + jsonBound((value as Record<string, unknown>)[key], budget - size, depth + 1);
    if (size > budget) return size;
  }
  return size;
}
