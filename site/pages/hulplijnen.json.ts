// The national help lines for the phone's help (components/help/help-lines.ts), as a file of the
// site instead of inside the join page (issue 11). `checked` (where and when a number was verified)
// is for maintainers: the phone doesn't download it.
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

export const GET: APIRoute = async () => {
  const lines = (await getCollection('helpLines')).map(({ data: { checked: _checked, ...line } }) => ({ ...line, checked: '' }));
  return new Response(JSON.stringify(lines), { headers: { 'content-type': 'application/json' } });
};
