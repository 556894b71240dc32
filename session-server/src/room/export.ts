// Results for the host's report: aggregates and post-it texts, never anything about participants.
// Cards below the minimum group size are exported as "te weinig antwoorden", as on the beamer.
import { TOO_FEW, type ExportedCard, type ResultsExport } from '../protocol/index.ts';
import type { RoomState } from './state.ts';
import { tallyOf } from './apply.ts';
import { boardHasEnoughAuthors } from './views.ts';
import { weightsOf } from '../boards/weight.ts';

export function exportResults(state: RoomState): ResultsExport {
  const cards = state.deck.cards
    .filter((card) => card.vote || card.board)
    .map((card): ExportedCard => {
      const vote = state.votes[card.id];
      const board = state.boards[card.id];
      let exportedVote: ExportedCard['vote'] = null;
      if (card.vote) {
        const { pas, ...counts } = vote ? tallyOf(vote) : { nooit: 0, soms: 0, vaak: 0, pas: 0 };
        const reached = counts.nooit + counts.soms + counts.vaak >= state.minGroupSize;
        exportedVote = {
          question: card.vote.question,
          status: reached ? ('ok' as const) : TOO_FEW,
          minimumReached: reached,
          counts: reached ? counts : null,
          passes: reached ? pas : null,
        };
      }
      let exportedBoard: ExportedCard['board'] = null;
      if (card.board) {
        const reached = !!board && boardHasEnoughAuthors(board, state.minGroupSize);
        const columns = new Map((card.board.columns ?? []).map((c) => [c.id, c.label]));
        const clusters = new Map((board?.clusters ?? []).map((c) => [c.id, c.name]));
        const visible = reached ? Object.values(board!.postIts).filter((p) => p.status === 'approved' && !p.mergedInto) : [];
        const weight = board ? weightsOf(board) : () => 1;
        exportedBoard = {
          prompt: card.board.prompt,
          status: reached ? ('ok' as const) : TOO_FEW,
          postIts: visible
            .map((p) => ({
              text: p.text,
              column: p.columnId ? (columns.get(p.columnId) ?? null) : null,
              cluster: p.clusterId ? (clusters.get(p.clusterId) ?? null) : null,
              count: weight(p.id),
              highlighted: p.highlighted,
            }))
            .sort((a, b) => (a.column ?? '').localeCompare(b.column ?? '') || (a.cluster ?? '').localeCompare(b.cluster ?? '') || a.text.localeCompare(b.text)),
        };
      }
      return { id: card.id, title: card.title, vote: exportedVote, board: exportedBoard };
    });
  return {
    deck: state.deck.title,
    deckId: state.deckId,
    startedAt: new Date(state.createdAt).toISOString(),
    endedAt: state.endedAt ? new Date(state.endedAt).toISOString() : null,
    minGroupSize: state.minGroupSize,
    joined: state.joined,
    cards,
  };
}

/** A spreadsheet cell that cannot start a formula (post-its may be hostile) and survives ; and quotes. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with ; as separator and a BOM, so Dutch Excel opens it correctly. */
export function resultsToCsv(results: ResultsExport): string {
  const header = ['kaart', 'onderdeel', 'vraag_of_kolom', 'groep', 'tekst', 'nooit', 'soms', 'vaak', 'overgeslagen', 'aantal', 'status'];
  const rows: (string | number | null)[][] = [header];
  for (const card of results.cards) {
    if (card.vote) {
      const v = card.vote;
      rows.push([card.title, 'stemming', v.question, null, null, v.counts?.nooit ?? null, v.counts?.soms ?? null, v.counts?.vaak ?? null, v.passes, null, v.status]);
    }
    if (card.board) {
      if (card.board.status !== 'ok') rows.push([card.title, 'post-it', card.board.prompt, null, null, null, null, null, null, null, card.board.status]);
      for (const p of card.board.postIts) {
        rows.push([card.title, 'post-it', p.column ?? card.board.prompt, p.cluster, p.text, null, null, null, null, p.count, 'ok']);
      }
    }
  }
  return '\uFEFF' + rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
