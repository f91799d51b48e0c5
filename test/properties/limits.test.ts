/**
 * Limits change nothing unless they move a band. A limit whose condition never holds, a cap at
 * the best level or a floor at the worst, added to every band set and every banded result of the
 * shipped examples and of generated packs, gives the same result (the pack's hash aside); and a
 * cap that always holds on the overall result gives the worse of its level and the band the rules
 * gave, keeping that band as the one before the limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePack, openInspection, score, ScoringSession } from '../../src/index.js';
import { feedCases } from '../../src/pipeline/score-file.js';
import type { Condition } from '../../src/model/condition.js';
import type { Limit, Pack } from '../../src/model/pack.js';
import type { InspectionResult } from '../../src/model/result.js';
import { buildScenario, inspectionSeedArb, packSpecArb, runs, TIMEOUT } from './arbitraries.js';

const NEVER: Condition = { not: { all: [] } };
const ALWAYS: Condition = { all: [] };

type Vacuous = 'never' | 'capAtBest' | 'floorAtWorst';

/** The levels of the scale a band set (followed through extends) assigns. */
function levelsOf(pack: Pack, setName: string): string[] {
  let set = pack.bandSets?.[setName];
  while (set && set.scale === undefined && set.extends !== undefined) set = pack.bandSets?.[set.extends];
  return set?.scale ? (pack.scales?.[set.scale]?.levels ?? []).map((l) => l.id) : [];
}

function vacuousLimit(levels: string[], kind: Vacuous, id: string): Limit {
  if (kind === 'capAtBest') return { id, cap: levels[0]!, when: ALWAYS, note: 'never lowers anything' };
  if (kind === 'floorAtWorst') return { id, floor: levels[levels.length - 1]!, when: ALWAYS, note: 'never raises anything' };
  return { id, cap: levels[levels.length - 1]!, when: NEVER, note: 'never holds' };
}

/** The pack with a vacuous limit on every band set and on every result banded by a band set. */
function withVacuousLimits(pack: Pack, kind: Vacuous): Pack {
  const copy = structuredClone(pack);
  for (const [name, set] of Object.entries(copy.bandSets ?? {})) {
    const levels = levelsOf(copy, name);
    if (levels.length > 0) set.limits = [...(set.limits ?? []), vacuousLimit(levels, kind, `vacuous-${name}`)];
  }
  for (const node of [...(copy.criteria ?? []), ...copy.sections, ...(copy.overall ? [copy.overall] : [])]) {
    const setName = typeof node.band === 'string' ? node.band : node.band?.set;
    const levels = setName === undefined ? [] : levelsOf(copy, setName);
    if (levels.length > 0) node.limits = [...(node.limits ?? []), vacuousLimit(levels, kind, 'vacuous')];
  }
  return copy;
}

/** The result without the packs' hashes (which change with any edit). */
function comparable(result: InspectionResult): unknown {
  const { provenance, ...rest } = result;
  return { ...rest, provenance: { ...provenance, sha256: '', thematics: provenance.thematics.map((t) => ({ ...t, sha256: '' })) } };
}

async function scoreExample(path: string, edit: (pack: Pack) => Pack): Promise<InspectionResult> {
  const opened = openInspection(path);
  if ('errors' in opened) throw new Error(opened.errors[0]!.message);
  const compiled = compilePack(edit(opened.methodology), { thematics: opened.thematics.map(edit) });
  if ('errors' in compiled) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  const started = ScoringSession.start(compiled.plan, opened.header, {});
  if ('errors' in started) throw new Error(started.errors[0]!.message);
  await feedCases(started.session, opened.readCases({ caseFacts: compiled.plan.caseFacts, questionKeys: new Set(compiled.plan.questionByKey.keys()) }));
  const finished = started.session.finish();
  if ('errors' in finished) throw new Error(finished.errors[0]!.message);
  return finished.result;
}

const EXAMPLES = [
  'rules/esi-2003/examples/derbyshire-2003/inspection.yaml',
  'rules/probation-2018/examples/northmoor-2019/inspection.yaml',
  'rules/cqc-asc-2022/examples/oakfield-house/inspection.yaml',
];

describe('limits that never move a band change nothing', () => {
  it.each(EXAMPLES.flatMap((path) => (['never', 'capAtBest', 'floorAtWorst'] as const).map((kind) => [path, kind] as const)))(
    '%s with a limit that is %s on every band',
    async (path, kind) => {
      const before = await scoreExample(path, (p) => p);
      const after = await scoreExample(path, (p) => withVacuousLimits(p, kind));
      expect(comparable(after)).toEqual(comparable(before));
    },
    TIMEOUT,
  );

  it(
    'in generated packs, whatever their bands, scores and rounding',
    () => {
      fc.assert(
        fc.property(packSpecArb, inspectionSeedArb, fc.constantFrom<Vacuous>('never', 'capAtBest', 'floorAtWorst'), (spec, seed, kind) => {
          const { pack, area, cases } = buildScenario(spec, seed);
          const inspection = { area: { name: 'Generated', facts: area }, cases };
          const results = [pack, withVacuousLimits(pack, kind)].map((p) => {
            const compiled = compilePack(p);
            if ('errors' in compiled) throw new Error(compiled.errors[0]!.message);
            const outcome = score(compiled.plan, inspection);
            return 'errors' in outcome ? outcome.errors.map((e) => e.code) : comparable(outcome.result);
          });
          expect(results[1]).toEqual(results[0]);
        }),
        { seed: 1212, numRuns: runs(60) },
      );
    },
    TIMEOUT,
  );
});

describe('a cap that always holds', () => {
  // The ESI overall result is a score without a band.
  it.each(EXAMPLES.slice(1))(
    "on the overall result of %s gives the worse of its level and the rules' band, and keeps the rules' band",
    async (path) => {
      const before = await scoreExample(path, (p) => p);
      const band = before.overall?.computedBand;
      if (!band) throw new Error(`${path} has no overall band`);
      const opened = openInspection(path);
      if ('errors' in opened) throw new Error('unreadable');
      const setName = typeof opened.methodology.overall?.band === 'string' ? opened.methodology.overall.band : opened.methodology.overall?.band?.set;
      const levels = levelsOf(opened.methodology, setName!);
      for (const level of levels) {
        const after = await scoreExample(path, (p) =>
          p.kind === 'methodology' ? { ...p, overall: { ...p.overall!, limits: [{ id: 'always', cap: level, when: ALWAYS, note: 'always' }] } } : p,
        );
        const worse = levels.indexOf(level) > levels.indexOf(band.id) ? level : band.id;
        expect(after.overall?.computedBand?.id).toBe(worse);
        expect(after.overall?.limits ?? []).toEqual(
          worse === band.id ? [] : [expect.objectContaining({ id: 'always', kind: 'cap', from: band, note: 'always' })],
        );
        // Everything beneath the overall result is untouched.
        expect(after.sections).toEqual(before.sections);
      }
    },
    TIMEOUT,
  );
});
