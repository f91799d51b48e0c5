/**
 * Whether the versions an author wrote make the bump a diff calls for: `ok: 1.0.0 → 1.1.0 is a
 * minor bump, as required`, or `the change needs a major bump but 1.0.0 → 1.1.0 is minor`. Below
 * 1.0.0 a minor bump may carry a breaking change (semver's initial development).
 */
import compare from 'semver/functions/compare.js';
import diff from 'semver/functions/diff.js';
import major from 'semver/functions/major.js';
import { BUMPS, type Bump } from './pack-change.js';

export interface VersionVerdict {
  before: string;
  after: string;
  /** The bump the changes call for. */
  required: Bump;
  /** The bump the versions make; `lower` when the new version is below the old one. */
  written: Bump | 'lower';
  ok: boolean;
  message: string;
}

function writtenBump(before: string, after: string): Bump | 'lower' {
  const order = compare(before, after);
  if (order === 0) return 'none';
  if (order > 0) return 'lower';
  const kind = diff(before, after);
  if (kind === 'major' || kind === 'premajor') return 'major';
  if (kind === 'minor' || kind === 'preminor') return 'minor';
  return 'patch';
}

export function judgeVersion(before: string, after: string, required: Bump): VersionVerdict {
  const written = writtenBump(before, after);
  const verdict = (ok: boolean, message: string): VersionVerdict => ({ before, after, required, written, ok, message });
  const step = `${before} → ${after}`;
  if (written === 'lower') return verdict(false, `the version goes down: ${step}`);
  if (required === 'none') {
    return verdict(
      true,
      written === 'none' ? `ok: no change calls for a bump, and the version is still ${after}` : `ok: no change calls for a bump; ${step} is a ${written} bump`,
    );
  }
  if (written === 'none') return verdict(false, `the change needs a ${required} bump but the version is still ${after}`);
  const enough = BUMPS.indexOf(written) >= BUMPS.indexOf(required) || (major(before) === 0 && required === 'major' && written === 'minor');
  if (!enough) return verdict(false, `the change needs a ${required} bump but ${step} is ${written}`);
  if (written === required) return verdict(true, `ok: ${step} is a ${written} bump, as required`);
  if (required === 'major') return verdict(true, `ok: ${step} is a ${written} bump, which before 1.0.0 may carry a breaking change`);
  return verdict(true, `ok: ${step} is a ${written} bump; a ${required} bump would do`);
}
