// The top entries of a V8 CPU profile (node --cpu-prof, load.ts --profile-dir) by self time and by
// total time per function, or of a sampled heap profile (load.ts --profile alloc) by bytes
// allocated, so a benchmark's "where does the time (or the garbage) come from" fits in a report.
//
//   node tests/bench/profile-top.ts /tmp/kring-prof/*.cpuprofile|*.heapprofile [--top 15]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '15' } }, allowPositionals: true });
const top = Number(values.top);

interface HeapNode {
  id: number;
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: HeapNode[];
}

/** A CPU profile's nodes and time per node (µs), or a sampled heap profile's and bytes per node. */
function weights(file: string): { nodes: ProfileNode[]; self: Map<number, number>; unit: (w: number) => string; what: string } {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Profile | { head: HeapNode };
  const self = new Map<number, number>();
  if ('head' in raw) {
    const nodes: ProfileNode[] = [];
    const visit = (n: HeapNode) => {
      nodes.push({ id: n.id, callFrame: n.callFrame, children: n.children.map((c) => c.id) });
      self.set(n.id, n.selfSize);
      n.children.forEach(visit);
    };
    visit(raw.head);
    return { nodes, self, unit: (bytes) => `${(bytes / 1e6).toFixed(1).padStart(6)} MB`, what: 'allocated' };
  }
  raw.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (raw.timeDeltas[i] ?? 0)));
  return { nodes: raw.nodes, self, unit: (us) => `${(us / 1000).toFixed(0).padStart(6)} ms`, what: 'sampled' };
}

for (const file of positionals) {
  const { nodes, self, unit, what } = weights(file);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const name = (n: ProfileNode) => {
    const where = n.callFrame.url.replace(/^.*\/(session-server|node_modules)\//, '$1/');
    return `${n.callFrame.functionName || '(anonymous)'} ${where ? `${where}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  };
  const selfByName = new Map<string, number>();
  const totalByName = new Map<string, number>();
  for (const [id, weight] of self) {
    const node = byId.get(id)!;
    selfByName.set(name(node), (selfByName.get(name(node)) ?? 0) + weight);
    // Total: counted once per function on each sample's stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      totalByName.set(key, (totalByName.get(key) ?? 0) + weight);
    }
  }
  const print = (title: string, map: Map<string, number>) => {
    console.log(`  ${title}`);
    for (const [key, weight] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`    ${((weight / total) * 100).toFixed(1).padStart(5)}%  ${unit(weight)}  ${key}`);
    }
  };
  console.log(`${file}: ${unit(total).trim()} ${what}`);
  print('self', selfByName);
  print('total (inclusive)', totalByName);
}
