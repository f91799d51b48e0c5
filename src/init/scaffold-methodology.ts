/**
 * Scaffolds a methodology pack of one of two kinds, ready to validate, test and edit:
 * - `sample`: criteria scored from questions asked of a case sample, banded by percentage, a
 *   weighted section and overall score;
 * - `ratings`: no case sample; sections rated straight from evidence items the inspectors rate,
 *   by counting rules shared through a band set that another extends with a limit, and an overall
 *   rating by the same counting rules.
 * Each comes with an example inspection and tests that pass with full coverage. The words are
 * placeholders for the author to replace; nothing about any particular methodology is known here.
 * The text of each kind is in write-sample-methodology.ts and write-ratings-methodology.ts; this
 * file checks the name and folder and lays the files out.
 */
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../model/errors.js';
import { checkFolderFree, checkPackName } from './check-new-pack.js';
import { RATINGS_EXAMPLE, RATINGS_TESTS, ratingsPack } from './write-ratings-methodology.js';
import { SAMPLE_EXAMPLE, SAMPLE_TESTS, samplePack } from './write-sample-methodology.js';
import { schemaLine, type ScaffoldedFile } from './scaffold-paths.js';

export type MethodologyKind = 'sample' | 'ratings';

export interface MethodologyScaffoldOptions {
  /** The methodology's id, also its folder's name. */
  name: string;
  kind: MethodologyKind;
  /** The folder the methodology's folder is made in. */
  dir: string;
  title?: string;
}

export function scaffoldMethodology(options: MethodologyScaffoldOptions): { files: ScaffoldedFile[]; folder: string } | { errors: Diagnostic[] } {
  const { name, kind } = options;
  const badName = checkPackName(name, 'care-2025');
  if (badName) return badName;
  const folder = resolve(options.dir, name);
  const taken = checkFolderFree(folder);
  if (taken) return taken;
  const title = options.title ?? (kind === 'sample' ? `Inspection methodology: ${name}` : `Ratings methodology: ${name}`);
  const example = join(folder, 'examples', 'example');
  const tests = join(folder, 'tests');
  const header = (path: string, schema: string, lines: string[]) => [schemaLine(path, schema), '#', ...lines.map((l) => `# ${l}`.trimEnd()), ''].join('\n');
  const pack = kind === 'sample' ? samplePack(name, title) : ratingsPack(name, title);
  const inspection = kind === 'sample' ? SAMPLE_EXAMPLE : RATINGS_EXAMPLE;
  const testText = kind === 'sample' ? SAMPLE_TESTS : RATINGS_TESTS;
  return {
    folder,
    files: [
      {
        path: join(folder, 'pack.yaml'),
        text:
          header(folder, 'pack', [
            title,
            '',
            `A ${kind} methodology scaffolded by \`criteria init methodology --kind ${kind}\`: replace the`,
            "placeholders with the methodology's own, then run its tests.",
          ]) + pack,
      },
      {
        path: join(example, 'inspection.yaml'),
        text:
          header(example, 'inspection', ['An invented inspection to score and explain while the pack is written.']) +
          `pack: ../..\npackVersion: ^0.1.0\n${inspection}`,
      },
      {
        path: join(tests, 'basic.yaml'),
        text: header(tests, 'pack-test', ['Hand-worked tests: change them with the pack. `criteria test <pack> --coverage` shows what they miss.']) + testText,
      },
    ],
  };
}
