// "Eerst alles stemmen": the themes in order of how many said soms or vaak, from the results the
// beamer showed. Pure, so the order is unit-tested; the console only lays it out.
import type { ExportedCard } from '@protocol';
import { NOT_SHOWN } from '@protocol';

export interface RankedTheme {
  id: string;
  title: string;
  /** soms + vaak as a share of those who answered (passes not counted), 0..1. */
  share: number;
  answered: number;
}

export interface ThemeRanking {
  ranked: RankedTheme[];
  /** Revealed, but fewer than the minimum group size voted: no share is shown for these. */
  tooFew: { id: string; title: string }[];
  /** Not (yet) shown on the beamer: nothing to rank by. */
  notShown: { id: string; title: string }[];
}

const OFTEN = ['soms', 'vaak'];

/** `themeIds` in play order; ties keep that order, after the larger share of vaak alone. */
export function rankThemes(cards: ExportedCard[], themeIds: string[]): ThemeRanking {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const ranking: ThemeRanking = { ranked: [], tooFew: [], notShown: [] };
  const vaakShare = new Map<string, number>();
  for (const id of themeIds) {
    const card = byId.get(id);
    const vote = card?.vote;
    if (!card || !vote) continue;
    if (vote.status === 'ok' && vote.counts) {
      const answered = vote.options.reduce((sum, o) => sum + (vote.counts![o.id] ?? 0), 0);
      const often = OFTEN.reduce((sum, id) => sum + (vote.counts![id] ?? 0), 0);
      ranking.ranked.push({ id, title: card.title, answered, share: answered ? often / answered : 0 });
      vaakShare.set(id, answered ? (vote.counts.vaak ?? 0) / answered : 0);
    } else if (vote.status === NOT_SHOWN) {
      ranking.notShown.push({ id, title: card.title });
    } else {
      ranking.tooFew.push({ id, title: card.title });
    }
  }
  // Array.prototype.sort is stable: equal shares keep the play order.
  ranking.ranked.sort((a, b) => b.share - a.share || vaakShare.get(b.id)! - vaakShare.get(a.id)!);
  return ranking;
}

/**
 * The play list for talking about `picked` next: everything before and including the current card
 * stays (minus the picked ones, which move), the picked come right after it in the order given, then
 * the rest. A picked card that is the current one stays where it is and is talked about first.
 */
export function talkPlaylist(cardIds: string[], currentIndex: number, picked: string[]): string[] {
  const current = cardIds[currentIndex]!;
  const move = new Set(picked.filter((id) => id !== current));
  const before = cardIds.slice(0, currentIndex + 1).filter((id) => !move.has(id));
  const after = cardIds.slice(currentIndex + 1).filter((id) => !move.has(id));
  return [...before, ...picked.filter((id) => move.has(id)), ...after];
}

/** "67%" */
export const percent = (share: number) => `${Math.round(share * 100)}%`;
