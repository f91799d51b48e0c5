/**
 * What every part of the benchmark shares: where the packs and the Derbyshire example are, the
 * compiled plan of ESI 2003 + EBS 2003, and the Derbyshire inspection's area-level data (area
 * facts, evidence ratings, target figures) that the synthetic inspections reuse.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadPack } from '../src/pipeline/load-pack.js';
import { compilePlan } from '../src/compile/compile-pack.js';
import type { CompiledPlan, FactRecord } from '../src/compile/compiled-plan.js';
import type { InspectionHeader } from '../src/evaluate/score-inspection.js';
import type { InspectionFile } from '../src/model/inspection.js';
import type { Pack } from '../src/model/pack.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const METHODOLOGY_PATH = join(ROOT, 'rules/esi-2003');
export const THEMATIC_PATH = join(ROOT, 'thematics/ebs-2003');
export const EXAMPLE_PATH = join(ROOT, 'rules/esi-2003/examples/derbyshire-2003');
export const RESULTS_PATH = join(ROOT, 'bench-results/latest.json');

/** The fixed seed every generated inspection starts from. */
export const SEED = 20031001;

export interface Packs {
  methodology: Pack;
  thematic: Pack;
}

function loadOrThrow(path: string, methodology?: Pack): Pack {
  const loaded = loadPack(path, methodology ? { methodology } : {});
  if ('errors' in loaded) throw new Error(`${path} does not load:\n${loaded.errors.map((e) => `${e.file ?? ''}:${e.line ?? ''}: ${e.message}`).join('\n')}`);
  return loaded.pack;
}

/** Loads, validates and checks ESI 2003 and EBS 2003 (what `criteria validate` does). */
export function loadPacks(): Packs {
  const methodology = loadOrThrow(METHODOLOGY_PATH);
  return { methodology, thematic: loadOrThrow(THEMATIC_PATH, methodology) };
}

export function loadPlan(): Packs & { plan: CompiledPlan } {
  const packs = loadPacks();
  return { ...packs, plan: compilePlan(packs.methodology, [packs.thematic]) };
}

/** The Derbyshire inspection without its cases: area, evidence, targets (and adjustments, if any). */
export function derbyshireHeader(): InspectionHeader {
  const file = parse(readFileSync(join(EXAMPLE_PATH, 'inspection.yaml'), 'utf8')) as InspectionFile;
  return {
    ...(file.packVersion !== undefined ? { packVersion: file.packVersion } : {}),
    area: { ...file.area, name: 'Synthetic (Derbyshire area data)' },
    evidence: file.evidence ?? {},
    targets: file.targets ?? {},
    ...(file.adjustments ? { adjustments: file.adjustments } : {}),
  };
}

export function areaFactsOf(header: InspectionHeader): FactRecord {
  return header.area.facts ?? {};
}
