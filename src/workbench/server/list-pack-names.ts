/**
 * The names a pack declares, for the editor's completion and hover: scales and their levels,
 * weight classes, conditions, band sets, criteria, sections and facts. A thematic also sees its
 * methodology's (it may use them).
 */
import type { Pack } from '../../model/pack.js';

export interface PackNames {
  scales: string[];
  levels: string[];
  weightClasses: string[];
  conditions: string[];
  criteria: string[];
  facts: string[];
  bandSets: string[];
  sections: string[];
}

export function listPackNames(pack: Pack, methodology?: Pack): PackNames {
  const packs = methodology && methodology !== pack ? [pack, methodology] : [pack];
  const all = (pick: (p: Pack) => string[]) => [...new Set(packs.flatMap(pick))].sort();
  return {
    scales: all((p) => Object.keys(p.scales ?? {})),
    levels: all((p) => Object.values(p.scales ?? {}).flatMap((s) => [...s.levels.map((l) => l.id), ...(s.notApplicable ? [s.notApplicable.id] : [])])),
    weightClasses: all((p) => Object.keys(p.weightClasses ?? {})),
    conditions: all((p) => Object.keys(p.conditions ?? {})),
    criteria: all((p) => (p.criteria ?? []).map((c) => c.id)),
    facts: all((p) => [...Object.keys(p.facts?.case ?? {}), ...Object.keys(p.facts?.area ?? {})]),
    bandSets: all((p) => Object.keys(p.bandSets ?? {})),
    sections: all((p) => (p.sections ?? []).map((s) => s.id)),
  };
}
