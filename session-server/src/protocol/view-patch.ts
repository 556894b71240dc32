// What changed between two views, for host and beamer: on each batch they get a patch instead of
// the whole view again (a host view with 400 post-its is ~94 KB; a batch that brings three new ones
// is a few KB). Objects are patched key by key; arrays whose items all carry an `id` (post-its,
// cards, groups) send only the items that changed or are new, and their id order when it changed;
// anything else is replaced whole. Zod-free, shared by the server (diff) and the screens (apply).
// Written here rather than taken from a JSON-patch library: RFC 6902 / 7386 patches address array
// items by position, so one post-it arriving at the top would rewrite all 400 after it.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Per key of an object: set it, delete it, patch the object in it, or patch the id-keyed array in it. */
export type ViewPatch = { [key: string]: PatchOp };
export type PatchOp = { s: unknown } | { d: 1 } | { p: ViewPatch } | { k: KeyedPatch };
export interface KeyedPatch {
  /** The items' ids in their new order; absent when the order and membership did not change. */
  ids?: string[];
  /** Items that are new or changed, whole. */
  set?: { id: string }[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isKeyed(v: unknown): v is { id: string }[] {
  if (!Array.isArray(v)) return false;
  const ids = new Set<string>();
  for (const item of v) {
    if (!isObject(item) || typeof item.id !== 'string' || ids.has(item.id)) return false;
    ids.add(item.id);
  }
  return true;
}

/** A key with the value undefined is absent: JSON leaves it out on the way to the screen. */
const has = (o: Record<string, unknown>, key: string) => Object.hasOwn(o, key) && o[key] !== undefined;

/** Equal as JSON. Written without Object.keys or closures: host and beamer views of every room are compared once a second. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (!isObject(a) || !isObject(b)) return false;
  let count = 0;
  for (const key in a) {
    const value = a[key];
    if (value === undefined) continue;
    count++;
    if (!has(b, key) || !deepEqual(value, b[key])) return false;
  }
  for (const key in b) if (b[key] !== undefined) count--;
  return count === 0;
}

/**
 * The patch that turns `before` into `after` (both plain JSON objects); null when they are equal.
 * Walks the keys with `for...in` (views are plain objects), without a key array per level: host
 * and beamer views of every room are compared once a second.
 */
export function diffView(before: object, after: object): ViewPatch | null {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  let patch: ViewPatch | null = null;
  for (const key in b) {
    if (!has(b, key)) continue;
    const op = diffValue(has(a, key), a[key], b[key]);
    if (op) (patch ??= {})[key] = op;
  }
  for (const key in a) if (has(a, key) && !has(b, key)) (patch ??= {})[key] = { d: 1 };
  return patch;
}

function diffValue(had: boolean, a: unknown, b: unknown): PatchOp | null {
  if (had && deepEqual(a, b)) return null;
  if (had && isObject(a) && isObject(b)) return { p: diffView(a, b)! };
  if (had && isKeyed(a) && isKeyed(b) && (a.length || b.length)) {
    const old = new Map(a.map((item) => [item.id, item]));
    const set = b.filter((item) => !deepEqual(old.get(item.id), item));
    const sameOrder = a.length === b.length && a.every((item, i) => item.id === b[i]!.id);
    return { k: { ...(sameOrder ? {} : { ids: b.map((item) => item.id) }), ...(set.length ? { set } : {}) } };
  }
  return { s: b as Json };
}

/** The view `patch` makes of `before` (which stays as it was). */
export function applyViewPatch<V extends object>(before: V, patch: ViewPatch): V {
  const out: Record<string, unknown> = { ...(before as Record<string, unknown>) };
  for (const [key, op] of Object.entries(patch)) {
    if ('d' in op) delete out[key];
    else if ('s' in op) out[key] = op.s;
    else if ('p' in op) out[key] = applyViewPatch((out[key] ?? {}) as object, op.p);
    else {
      const items = (out[key] ?? []) as { id: string }[];
      const byId = new Map(items.map((item) => [item.id, item]));
      for (const item of op.k.set ?? []) byId.set(item.id, item);
      out[key] = (op.k.ids ?? items.map((item) => item.id)).map((id) => byId.get(id)!);
    }
  }
  return out as V;
}

/** What the server sends host and beamer after their first view (EVENTS.viewPatch). */
export interface ViewChange {
  from: number;
  to: number;
  patch: ViewPatch;
}

/**
 * A screen's side of the patches, one per connection's screen (the site's host and beamer stores,
 * and the tests' client): the number of the view it holds, which a patch must name to apply.
 */
export class ViewFollower<V extends object> {
  private seq: number | undefined;

  /** A new connection: until its whole view arrives, a patch belongs to that view already. */
  connected() {
    this.seq = undefined;
  }

  /** A whole view from the server, with its number; returns it without the number. */
  whole(view: V & { seq?: number }): V {
    const { seq, ...rest } = view;
    this.seq = seq;
    return rest as V;
  }

  /**
   * The view `change` makes of `held`; 'skip' before this connection's whole view arrived;
   * 'reconnect' when a patch went missing (with several processes, Redis was away for a moment):
   * connecting again brings the whole view.
   */
  patch(held: V | null, change: ViewChange): V | 'skip' | 'reconnect' {
    if (!held || this.seq === undefined) return 'skip';
    if (this.seq !== change.from) {
      this.seq = undefined;
      return 'reconnect';
    }
    this.seq = change.to;
    return applyViewPatch(held, change.patch);
  }
}
