// The phone folds an acknowledgement into the view it holds (protocol/own-changes.ts) instead of
// getting a new view from the server: an answer and a new post-it show exactly what was stored.
import { describe, expect, it } from 'vitest';
import { withOwnChange } from '@protocol/own-changes';
import type { ParticipantView } from '@protocol';

const view = (over: Partial<ParticipantView> = {}): ParticipantView =>
  ({
    role: 'participant',
    status: 'live',
    card: { id: 'kaart-1' },
    vote: { open: true, revealed: false, round: 1, mine: null },
    board: { open: true, moderated: false, mine: [{ id: 'm', text: 'eerder', columnId: null }], proposals: null },
    ...over,
  }) as ParticipantView;

describe('withOwnChange', () => {
  it('an accepted answer becomes the phone\'s own choice', () => {
    const next = withOwnChange(view(), { type: 'vote.cast', cardId: 'kaart-1' }, { ok: true, choice: 'vaak', round: 1 });
    expect(next?.vote?.mine).toBe('vaak');
  });

  it('a new post-it joins the phone\'s own list in id order, with the text as stored', () => {
    const command = { type: 'postIt.add', cardId: 'kaart-1', columnId: 'soms' };
    const next = withOwnChange(view(), command, { ok: true, postItId: 'a', text: 'opgeschoond' });
    expect(next?.board?.mine).toEqual([
      { id: 'a', text: 'opgeschoond', columnId: 'soms' },
      { id: 'm', text: 'eerder', columnId: null },
    ]);
  });

  it('changes nothing for a refusal, a duplicate, another card, an older round or a post-it already listed', () => {
    const vote = { type: 'vote.cast', cardId: 'kaart-1' };
    const add = { type: 'postIt.add', cardId: 'kaart-1' };
    expect(withOwnChange(view(), vote, { ok: false, error: 'closed', message: 'Dicht.' })).toBeNull();
    expect(withOwnChange(view(), vote, { ok: true, duplicate: true, choice: 'vaak', round: 1 })).toBeNull();
    expect(withOwnChange(view(), { ...vote, cardId: 'kaart-2' }, { ok: true, choice: 'vaak', round: 1 })).toBeNull();
    expect(withOwnChange(view(), vote, { ok: true, choice: 'vaak', round: 2 })).toBeNull();
    expect(withOwnChange(view(), add, { ok: true, postItId: 'm', text: 'eerder' })).toBeNull();
    expect(withOwnChange(view({ board: null }), add, { ok: true, postItId: 'n', text: 'x' })).toBeNull();
    expect(withOwnChange(null, add, { ok: true, postItId: 'n', text: 'x' })).toBeNull();
    expect(withOwnChange(view(), { type: 'postIt.edit', cardId: 'kaart-1' }, { ok: true })).toBeNull();
  });
});
