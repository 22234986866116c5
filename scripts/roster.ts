// Rostering command line.
//   npm run roster -- solve INSTANCE --seconds N --seed S --out FILE [--iterations N]
//                     [--workers N] [--solver rytme|highs] [--stats FILE]
//   npm run roster -- check INSTANCE FILE
// INSTANCE is a Curtois & Qu text file; FILE is CSV `employee,day,shift`.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSolution } from '../core/rostering/checker/check.ts';
import { parseCurtoisQu } from '../core/rostering/curtois-qu/parse.ts';
import { formatSolutionCsv, parseSolutionCsv, rosterToAssignments } from '../core/rostering/curtois-qu/solution-csv.ts';
import { solveWithHighs } from '../core/rostering/highs/solve.ts';
import type { Roster, RosteringInstance } from '../core/rostering/model.ts';
import { solveRoster } from '../core/rostering/solver/portfolio.ts';

const usage = `usage:
  roster solve INSTANCE --seconds N --seed S --out FILE [--iterations N] [--workers N] [--solver rytme|highs] [--stats FILE]
  roster check INSTANCE FILE`;

function loadInstance(path: string): RosteringInstance {
  return parseCurtoisQu(readFileSync(path, 'utf8'), basename(path).replace(/\.txt$/, ''));
}

function report(inst: RosteringInstance, csv: string): boolean {
  const result = checkSolution(inst, parseSolutionCsv(csv));
  if (result.feasible) console.log('feasible');
  else for (const v of result.violations) console.log(`violated: ${v}`);
  console.log(`objective ${result.objective}`);
  return result.feasible;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seconds: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      iterations: { type: 'string' },
      workers: { type: 'string' },
      solver: { type: 'string', default: 'rytme' },
      stats: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const [command, instancePath, file] = positionals;
  if (command === 'check' && instancePath && file) {
    return report(loadInstance(instancePath), readFileSync(file, 'utf8')) ? 0 : 1;
  }
  if (command !== 'solve' || !instancePath) {
    console.error(usage);
    return 2;
  }
  const inst = loadInstance(instancePath);
  const timeLimitMs = Number(values.seconds) * 1000;
  const seed = Number(values.seed);
  const log = (s: string): void => { if (!values.quiet) process.stderr.write(s); };
  const started = performance.now();
  let roster: Roster | null;
  let firstFeasibleMs: number | null;
  let status = '';
  if (values.solver === 'highs') {
    const r = await solveWithHighs(inst, {
      timeLimitMs,
      onImprove: (o, t) => log(`\r${(t / 1000).toFixed(1)} s  objective ${Math.round(o)}   `),
    });
    roster = r.roster; firstFeasibleMs = r.firstFeasibleMs; status = r.status;
  } else if (values.solver === 'rytme') {
    const r = await solveRoster(inst, {
      timeLimitMs,
      seed,
      ...(values.iterations ? { iterations: Number(values.iterations) } : {}),
      ...(values.workers ? { workers: Number(values.workers) } : {}),
      onProgress: (p) => log(`\r${(p.elapsedMs / 1000).toFixed(1)} s  ${Math.round(p.fraction * 100)} %  objective ${p.objective}   `),
    });
    roster = r.roster; firstFeasibleMs = r.firstFeasibleMs; status = r.roster ? 'feasible' : 'no feasible roster found';
  } else {
    console.error(`unknown solver ${values.solver}`);
    return 2;
  }
  log('\n');
  const wallMs = performance.now() - started;
  const csv = roster ? formatSolutionCsv(rosterToAssignments(inst, roster)) : null;
  if (csv && values.out) writeFileSync(values.out, csv);
  const check = csv ? checkSolution(inst, parseSolutionCsv(csv)) : null;
  if (values.stats) {
    writeFileSync(values.stats, JSON.stringify({
      solver: values.solver, instance: inst.name, seconds: Number(values.seconds), status,
      feasible: check?.feasible ?? false, objective: check?.objective ?? null,
      firstFeasibleMs, wallMs, maxRssKb: process.resourceUsage().maxRSS,
    }) + '\n');
  }
  if (!csv) { console.log(`no feasible solution (${status})`); return 1; }
  if (!values.out) process.stdout.write(csv);
  else report(inst, csv);
  return check?.feasible ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
