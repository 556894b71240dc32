// Host and beamer get patches instead of whole views (protocol/view-patch.ts): applying the diff of
// two views to the first gives the second, for any JSON; and a batch that adds a few post-its to a
// board of 400 sends those post-its and the order, not the board.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyViewPatch, diffView } from '@protocol/view-patch';

const postIt = (i: number, text = `Post-it ${i}`) => ({ id: `p${String(i).padStart(4, '0')}`, text, status: 'approved', clusterId: null });
/** JSON objects, with id-keyed arrays among them, as views have. */
const keyedArray = fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 4 }), n: fc.integer({ min: 0, max: 3 }) }), { selector: (x) => x.id, maxLength: 6 });
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), keyedArray, tie('object')),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'role', 'board', 'postIts'), tie('any'), { maxKeys: 4 }),
})).object;

describe('view patches', () => {
  it('turn any view into any other', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const patch = diffView(a, b);
        const wire = JSON.parse(JSON.stringify(patch)); // as socket.io carries it
        expect(patch === null ? a : applyViewPatch(a, wire)).toEqual(JSON.parse(JSON.stringify(b)));
      }),
      { seed: 4242, numRuns: 2000 },
    );
  });

  it('are null when nothing changed, also for keys that are undefined', () => {
    expect(diffView({ a: 1, b: [postIt(1)] }, { a: 1, b: [postIt(1)], c: undefined })).toBeNull();
  });

  it('carry three new post-its of a board of 400, not the board', () => {
    const before = { role: 'host', board: { open: true, postIts: Array.from({ length: 400 }, (_, i) => postIt(i)) } };
    const after = { ...before, board: { ...before.board, postIts: [...before.board.postIts, postIt(400), postIt(401), postIt(402)] } };
    const patch = diffView(before, after)!;
    expect(patch).toEqual({ board: { p: { postIts: { k: { ids: after.board.postIts.map((p) => p.id), set: [postIt(400), postIt(401), postIt(402)] } } } } });
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(after).length / 3);
    // One post-it approved: only that one, and no order.
    const approved = { ...before, board: { ...before.board, postIts: before.board.postIts.map((p, i) => (i === 7 ? { ...p, status: 'hidden' } : p)) } };
    expect(diffView(before, approved)).toEqual({ board: { p: { postIts: { k: { set: [{ ...postIt(7), status: 'hidden' }] } } } } });
  });
});
