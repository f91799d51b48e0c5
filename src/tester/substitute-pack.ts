/**
 * The pack under test is the one scored, always: a test's inspection (or its base) names packs by
 * path, and a copied, changed pack must not be tested against the original it was copied from.
 * These functions put the pack under test in the place of the pack of the same kind and id.
 */
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Pack } from '../model/pack.js';
import { loadPackFiles } from '../pipeline/load-pack.js';

/** What a test named and scored instead, for the outcome's note. */
export interface Substitution {
  /** The pack the test's inspection named, as a path relative to the working folder; empty when it named no pack of this id (the pack under test was added). */
  named: string;
}

function same(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

const shown = (path: string) => relative(process.cwd(), path) || '.';

/** The methodology to score: the pack under test when it is a methodology, else the one named. */
export function methodologyToScore(named: string, underTest: Pack, folder: string): { path: string; substitution?: Substitution } {
  if (underTest.kind !== 'methodology' || same(named, folder)) return { path: named };
  return { path: folder, substitution: { named: shown(named) } };
}

/**
 * The thematics to score: when the pack under test is a thematic, it takes the place of the
 * thematic named with its id (or is added when none is), so that it is always scored.
 */
export function thematicsToScore(named: readonly string[], underTest: Pack, folder: string): { paths: string[]; substitution?: Substitution } {
  if (underTest.kind !== 'thematic') return { paths: [...named] };
  const index = named.findIndex((path) => {
    if (same(path, folder)) return true;
    const loaded = loadPackFiles(path);
    return !('errors' in loaded) && loaded.pack.id === underTest.id;
  });
  if (index < 0) return { paths: [...named, folder], substitution: { named: '' } };
  if (same(named[index]!, folder)) return { paths: [...named] };
  return { paths: named.map((p, i) => (i === index ? folder : p)), substitution: { named: shown(named[index]!) } };
}
