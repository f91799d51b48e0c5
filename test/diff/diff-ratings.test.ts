/** Diffing ratings constructs: a limit, a band set's extends and a section's own items are changes that can move a rating. */
import { describe, expect, it } from 'vitest';
import { diffPacks, requiredBump } from '../../src/diff/diff-packs.js';
import { loadPack } from '../../src/pipeline/load-pack.js';
import type { Pack } from '../../src/model/pack.js';

function cqc(): Pack {
  const loaded = loadPack('rules/cqc-asc-2022');
  if ('errors' in loaded) throw new Error(loaded.errors[0]!.message);
  return loaded.pack;
}

describe('diffing a ratings pack', () => {
  it("a limit lowered to another level is a minor change, shown in the pack's words", () => {
    const before = cqc();
    const after = structuredClone(before);
    after.overall!.limits![0]!.cap = 'inadequate';
    const changes = diffPacks(before, after);
    expect(changes).toEqual([
      expect.objectContaining({
        area: 'overall',
        field: 'limits',
        bump: 'minor',
        before: 'breach: cap requiresImprovement when breachOfRegulations = true',
        after: 'breach: cap inadequate when breachOfRegulations = true',
      }),
    ]);
    expect(requiredBump(changes)).toBe('minor');
  });

  it('a band set that stops extending another, and a section item added, are minor', () => {
    const before = cqc();
    const after = structuredClone(before);
    delete after.bandSets!.keyQuestion!.extends;
    after.bandSets!.keyQuestion!.scale = 'rating';
    after.bandSets!.keyQuestion!.rules = [];
    after.sections[2]!.items!.push({ id: 'C4', text: 'A new line of enquiry' });
    const changes = diffPacks(before, after);
    expect(changes.map((c) => `${c.area} ${c.id} ${c.field ?? c.kind} ${c.bump}`)).toEqual(
      expect.arrayContaining(['bandSet keyQuestion extends minor', 'section caring items minor']),
    );
    expect(requiredBump(changes)).toBe('minor');
  });
});
