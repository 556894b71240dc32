// The top entries of a V8 CPU profile (node --cpu-prof), by self time and by total time per
// function, so a benchmark's "where does the time go" fits in a report.
//
//   node tests/bench/profile-top.ts /tmp/kring-prof/CPU.*.cpuprofile [--top 15]
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

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const name = (n: ProfileNode) => {
    const where = n.callFrame.url.replace(/^.*\/(session-server|node_modules)\//, '$1/');
    return `${n.callFrame.functionName || '(anonymous)'} ${where ? `${where}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  };
  const selfByName = new Map<string, number>();
  const totalByName = new Map<string, number>();
  for (const [id, time] of self) {
    const node = byId.get(id)!;
    selfByName.set(name(node), (selfByName.get(name(node)) ?? 0) + time);
    // Total time: counted once per function on each sample's stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      totalByName.set(key, (totalByName.get(key) ?? 0) + time);
    }
  }
  const print = (title: string, map: Map<string, number>) => {
    console.log(`  ${title}`);
    for (const [key, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`    ${((time / total) * 100).toFixed(1).padStart(5)}%  ${(time / 1000).toFixed(0).padStart(6)} ms  ${key}`);
    }
  };
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
  print('self time', selfByName);
  print('total time (inclusive)', totalByName);
}
