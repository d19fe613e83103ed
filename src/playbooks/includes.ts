/** `includes` between playbooks: unknown ids and cycles are refused; a playbook's closure is walked once. */
import type { FrontMatter, ParsedFrontMatter } from './front-matter.js';
import { PlaybookError } from './playbook.js';

/** What these checks need of a parsed playbook file. */
export interface Including {
  file: string;
  fm: Pick<ParsedFrontMatter, 'lineOf'>;
  data: Pick<FrontMatter, 'id' | 'includes'>;
}

/** Unknown ids and cycles in `includes`. */
export function checkIncludes<P extends Including>(parsed: readonly P[], byId: ReadonlyMap<string, P>): void {
  for (const p of parsed) {
    p.data.includes.forEach((inc, i) => {
      if (!byId.has(inc)) {
        throw new PlaybookError(
          p.file,
          p.fm.lineOf(['includes', i]),
          `unknown playbook "${inc}" in includes; known: ${[...byId.keys()].join(', ')}`,
        );
      }
    });
  }
  const done = new Set<string>();
  const visit = (p: P, trail: string[]): void => {
    if (done.has(p.data.id)) return;
    p.data.includes.forEach((inc, i) => {
      if (inc === p.data.id || trail.includes(inc)) {
        const cycle = [...trail.slice(trail.indexOf(inc)), p.data.id, inc].join(' → ');
        throw new PlaybookError(
          p.file,
          p.fm.lineOf(['includes', i]),
          `include cycle: ${cycle}; includes must not lead back to a playbook`,
        );
      }
      visit(byId.get(inc)!, [...trail, p.data.id]);
    });
    done.add(p.data.id);
  };
  for (const p of parsed) visit(p, []);
}

/** The playbook followed by everything it includes, depth first, each once. */
export function includeClosure<P extends Including>(p: P, byId: ReadonlyMap<string, P>): P[] {
  const out: P[] = [];
  const walk = (q: P): void => {
    if (out.includes(q)) return;
    out.push(q);
    for (const inc of q.data.includes) walk(byId.get(inc)!);
  };
  walk(p);
  return out;
}
