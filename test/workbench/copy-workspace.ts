// A throwaway copy of bundled packs (ESI and probation under rules/, every thematic) in a temporary folder, committed to a
// fresh git repository so that "the last commit" exists for impact.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Workspace {
  folder: string;
  /** Puts every file back as committed. */
  reset(): void;
  remove(): void;
}

export function copyWorkspace(options: { git?: boolean } = {}): Workspace {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'criteria-workbench-')));
  // The packs the tests are written about (a pack added to rules/ later must not become the first one the page opens).
  for (const part of ['rules/esi-2003', 'rules/probation-2018', 'thematics', 'schemas']) cpSync(part, join(folder, part), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=workbench test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd: folder,
      stdio: 'pipe',
    });
  if (options.git !== false) {
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'the bundled packs');
  }
  return {
    folder,
    reset: () => {
      if (options.git !== false) {
        git('checkout', '-q', '--', '.');
        git('clean', '-q', '-fd');
      }
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
