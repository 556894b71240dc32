// Overloopdebat: the series of points that shows how the room moves between sides (see
// session-server/src/room/overloop.ts for the rules that make it safe to show).
import { z } from 'zod';

/** One moment of the series: counts per option id, or null while too few people had taken a side. */
export const SeriesPoint = z.strictObject({
  /** When the server took the point (ms since 1970); points come on a fixed server interval. */
  at: z.number().int(),
  counts: z.record(z.string(), z.number().int()).nullable(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/** What host and beamer get of an overloop card's vote: every point of this round, oldest first. */
export const OverloopSeries = z.array(SeriesPoint);
