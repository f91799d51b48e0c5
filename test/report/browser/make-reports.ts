// The five reports the browser tests read, made by the CLI as a reader would make them: the
// Derbyshire sheet, the probation ratings sheet, a comparison of Derbyshire with a later
// inspection derived from it, an explanation of one figure, and a pack diff with its impact.
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';

const run = promisify(execFile);
export const DERBYSHIRE = 'rules/esi-2003/examples/derbyshire-2003';
export const NORTHMOOR = 'rules/probation-2018/examples/northmoor-2019';
const ESI = 'rules/esi-2003';

export type ReportName = 'derbyshire' | 'ratings' | 'comparison' | 'explain' | 'diff';

/** Writes a later inspection of Derbyshire: other evidence (A5 and A3 move), the first 70 cases only. */
function writeLaterInspection(folder: string): string {
  const inspection = parse(readFileSync(`${DERBYSHIRE}/inspection.yaml`, 'utf8')) as Record<string, any>;
  inspection.pack = resolve(ESI);
  inspection.thematics = [resolve('thematics/ebs-2003')];
  inspection.area = { ...inspection.area, name: 'Derbyshire (reinspection)', period: '2005-03' };
  for (const key of Object.keys(inspection.evidence)) if (key.startsWith('A5.')) inspection.evidence[key] = 'weak';
  inspection.evidence['A3.supervision'] = 'strong';
  inspection.evidence['A3.training'] = 'strong';
  const lines = readFileSync(`${DERBYSHIRE}/cases.csv`, 'utf8').trimEnd().split('\n');
  writeFileSync(join(folder, 'cases.csv'), lines.slice(0, 71).join('\n') + '\n');
  const file = join(folder, 'inspection.yaml');
  writeFileSync(file, stringify(inspection));
  return file;
}

/** A new version of the ESI pack: C1 weighs important instead of critical, and Well met needs 60% of items strong. */
function writeNewVersion(folder: string): string {
  cpSync(ESI, folder, { recursive: true });
  const edit = (file: string, find: string, replace: string) => {
    const path = join(folder, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(find)) throw new Error(`'${find}' not in ${file}`);
    writeFileSync(path, text.replace(find, replace));
  };
  edit('pack.yaml', 'version: 1.0.0', 'version: 1.1.0');
  edit(
    'pack.yaml',
    'when: { all: [{ fact: share, params: { atLeast: strong }, operator: equal, value: 1 }] }',
    'when: { all: [{ fact: share, params: { atLeast: strong }, operator: greaterThanInclusive, value: 0.6 }] }',
  );
  edit(
    'section-c.yaml',
    '    title: Managing attendance and enforcement\n    kind: sample\n    weight: critical',
    '    title: Managing attendance and enforcement\n    kind: sample\n    weight: important',
  );
  return folder;
}

async function cli(args: string[], okCodes = [0]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      maxBuffer: 64 << 20,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1764374400' },
    });
    return stdout;
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (e.code !== undefined && okCodes.includes(e.code) && e.stdout) return e.stdout;
    throw new Error(`criteria ${args.join(' ')} failed: ${e.stderr ?? String(error)}`, { cause: error });
  }
}

/** Makes the five reports in `folder` (fixtures beside them) and returns their HTML by name. */
export async function makeReports(folder: string): Promise<Record<ReportName, string>> {
  mkdirSync(join(folder, 'later'), { recursive: true });
  const later = writeLaterInspection(join(folder, 'later'));
  const newVersion = writeNewVersion(join(folder, 'esi-next'));
  copyFileSync(`${DERBYSHIRE}/cases.csv`, join(folder, 'derbyshire-cases.csv'));
  const [derbyshire, ratings, comparison, explain, diff] = await Promise.all([
    cli(['score', DERBYSHIRE, '--format', 'html']),
    cli(['score', NORTHMOOR, '--format', 'html']),
    cli(['compare', DERBYSHIRE, later, '--format', 'html']),
    cli(['explain', DERBYSHIRE, 'C', '--format', 'html']),
    cli(['diff', ESI, newVersion, '--cases', DERBYSHIRE, later, '--format', 'html']),
  ]);
  return { derbyshire, ratings, comparison, explain, diff };
}
