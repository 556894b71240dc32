// Applies board events to one card's board. Part of apply(); pure.
import type { BoardState, PostIt, RoomEvent } from '../room/state.ts';
import { own } from '../room/own.ts';


function withPostIt(board: BoardState, id: string, change: (p: PostIt) => PostIt): BoardState {
  const postIt = own(board.postIts, id);
  if (!postIt) return board;
  return { ...board, postIts: { ...board.postIts, [id]: change(postIt) } };
}

/** Sets a proposal's supporters and keeps its count in step. */
function withSupporters(p: PostIt, supporters: Record<string, true>): PostIt {
  return { ...p, supporters, supportCount: Object.keys(supporters).length };
}

const removeFromWall = (board: BoardState, ids: string[]) => ({ ...board, wall: board.wall.filter((id) => !ids.includes(id)) });

export function applyBoardEvent(board: BoardState, event: RoomEvent): BoardState {
  switch (event.type) {
    case 'boardOpened':
      return { ...board, open: true };
    case 'boardClosed':
      return { ...board, open: false };
    case 'boardRevealed':
      return { ...board, revealed: true };
    case 'boardHidden':
      return { ...board, revealed: false };
    case 'postItAdded': {
      const postIt: PostIt = {
        id: event.postItId,
        author: event.author,
        text: event.text,
        columnId: event.columnId,
        clusterId: null,
        status: event.status,
        highlighted: false,
        mergedInto: null,
        flags: event.flags,
      };
      const isNewAuthor = !board.authors[event.author];
      return {
        ...board,
        postIts: { ...board.postIts, [postIt.id]: postIt },
        authors: isNewAuthor ? { ...board.authors, [event.author]: true } : board.authors,
        authorCount: board.authorCount + (isNewAuthor ? 1 : 0),
      };
    }
    case 'postItEdited':
      // An edit may go back through moderation, but it keeps its place on the wall: moving it to
      // the end would tell the room that its writer just touched it.
      return withPostIt(board, event.postItId, (p) => ({ ...p, text: event.text, status: event.status, flags: event.flags }));
    case 'postItWithdrawn': {
      const { [event.postItId]: gone, ...rest } = board.postIts;
      // Duplicates merged into a withdrawn post-it come back as themselves.
      for (const [id, p] of Object.entries(rest)) if (p.mergedInto === event.postItId) rest[id] = { ...p, mergedInto: null };
      // Someone who withdrew everything no longer counts toward the minimum group size.
      const author = gone?.author;
      const stillWrites = !author || Object.values(rest).some((p) => p.author === author);
      const authors = { ...board.authors };
      if (!stillWrites) delete authors[author];
      return removeFromWall(
        { ...board, postIts: rest, authors, authorCount: board.authorCount - (stillWrites ? 0 : 1) },
        [event.postItId],
      );
    }
    case 'postItsApproved': {
      let next = board;
      for (const id of event.postItIds) next = withPostIt(next, id, (p) => ({ ...p, status: 'approved' }));
      return next;
    }
    case 'postItsPublished':
      return { ...board, wall: [...board.wall, ...event.postItIds.filter((id) => !board.wall.includes(id))] };
    case 'postItHidden':
      // Keeps its place (the views skip it), so "Toch tonen" puts it back where it was.
      return withPostIt(board, event.postItId, (p) => ({ ...p, status: 'hidden' }));
    case 'postItUnhidden':
      return withPostIt(board, event.postItId, (p) => ({ ...p, status: 'approved' }));
    case 'postItHighlighted':
      return withPostIt(board, event.postItId, (p) => ({ ...p, highlighted: event.highlighted }));
    case 'postItMerged': {
      // Supports follow a merged duplicate into the proposal it joins; one person counts once.
      const merged = own(board.postIts, event.postItId);
      const next = withPostIt(board, event.postItId, (p) => ({ ...p, mergedInto: event.intoId }));
      if (!merged?.supportCount) return next;
      return withPostIt(next, event.intoId, (p) => withSupporters(p, { ...p.supporters, ...merged.supporters }));
    }
    case 'postItSupported':
      return withPostIt(board, event.postItId, (p) => {
        const supporters = { ...p.supporters };
        if (event.support) supporters[event.participant] = true;
        else delete supporters[event.participant];
        return withSupporters(p, supporters);
      });
    case 'postItAdopted':
      return withPostIt(board, event.postItId, (p) => ({ ...p, adopted: event.adopted }));
    case 'postItMoved':
      return withPostIt(board, event.postItId, (p) => ({ ...p, columnId: event.columnId, clusterId: event.clusterId }));
    case 'clusterCreated':
      return { ...board, clusters: [...board.clusters, { id: event.clusterId, name: event.name }] };
    case 'clusterRenamed':
      return { ...board, clusters: board.clusters.map((c) => (c.id === event.clusterId ? { ...c, name: event.name } : c)) };
    case 'clusterRemoved': {
      const postIts = { ...board.postIts };
      for (const [id, p] of Object.entries(postIts)) if (p.clusterId === event.clusterId) postIts[id] = { ...p, clusterId: null };
      return { ...board, postIts, clusters: board.clusters.filter((c) => c.id !== event.clusterId) };
    }
    default:
      return board;
  }
}
