/**
 * `criteria init methodology <name> --kind sample|ratings [--dir <folder>]`: scaffolds a
 * methodology pack with an example inspection and tests that pass.
 *
 * `criteria init thematic <name> [--methodology <folder>] [--dir <folder>]`: scaffolds a thematic
 * pack for a methodology — `<dir>/<name>/pack.yaml` and `tests/basic.yaml`, a test that passes —
 * ready to validate, test and edit. Never overwrites. Exit 0 written, 1 when the methodology has
 * errors or a file could not be written, 2 on a usage error.
 */
import { dirname, join, relative } from 'node:path';
import { Option, type Command } from 'commander';

interface InitOptions {
  methodology?: string;
  dir: string;
  title?: string;
}

export function register(program: Command): void {
  const init = program.command('init').description('scaffold a new pack');
  init
    .command('methodology')
    .description('scaffold a methodology pack with an example inspection and tests that pass')
    .argument('<name>', "the methodology's id, also its folder's name (e.g. care-2025)")
    .addOption(
      new Option('--kind <kind>', 'scored from a case sample, or rated from evidence items without one').choices(['sample', 'ratings']).default('sample'),
    )
    .option('--dir <folder>', 'the folder to create it in', 'rules')
    .option('--title <title>', "the methodology's title")
    .action(async (name: string, options: { kind: 'sample' | 'ratings'; dir: string; title?: string }) => {
      process.exitCode = await runInitMethodology(name, options);
    });
  init
    .command('thematic')
    .description('scaffold a thematic pack for a methodology, with a test that passes')
    .argument('<name>', "the thematic's id, also its folder's name (e.g. housing-2003)")
    .option('--methodology <folder>', 'the methodology pack it attaches to (default: the only methodology under rules/)')
    .option('--dir <folder>', 'the folder to create it in', 'thematics')
    .option('--title <title>', "the thematic's title")
    .action(async (name: string, options: InitOptions) => {
      process.exitCode = await runInitThematic(name, options);
    });
}

/** The methodology when none is named: the only pack under rules/. */
async function defaultMethodology(): Promise<string | { problem: string }> {
  const { existsSync, readdirSync } = await import('node:fs');
  const folders = existsSync('rules')
    ? readdirSync('rules')
        .filter((f) => existsSync(join('rules', f, 'pack.yaml')))
        .map((f) => join('rules', f))
    : [];
  if (folders.length === 1) return folders[0]!;
  return { problem: folders.length === 0 ? 'no methodology found under rules/' : `several methodologies under rules/ (${folders.join(', ')})` };
}

export async function runInitMethodology(name: string, options: { kind: 'sample' | 'ratings'; dir: string; title?: string }): Promise<number> {
  const { scaffoldMethodology } = await import('../../init/scaffold-methodology.js');
  const { printDiagnostics } = await import('../print-diagnostics.js');
  const scaffold = scaffoldMethodology({ name, kind: options.kind, dir: options.dir, ...(options.title !== undefined ? { title: options.title } : {}) });
  if ('errors' in scaffold) {
    await printDiagnostics(scaffold.errors, 'text');
    return 2;
  }
  return writeScaffold(scaffold);
}

export async function runInitThematic(name: string, options: InitOptions): Promise<number> {
  let methodology = options.methodology;
  if (methodology === undefined) {
    const found = await defaultMethodology();
    if (typeof found !== 'string') {
      const { printError } = await import('../print-diagnostics.js');
      await printError('USAGE', found.problem, 'name it with --methodology <folder>', 'text');
      return 2;
    }
    methodology = found;
  }
  const { scaffoldThematic } = await import('../../init/scaffold-thematic.js');
  const { printDiagnostics } = await import('../print-diagnostics.js');
  const scaffold = scaffoldThematic({ name, methodology, dir: options.dir, ...(options.title !== undefined ? { title: options.title } : {}) });
  if ('errors' in scaffold) {
    await printDiagnostics(scaffold.errors, 'text');
    return scaffold.errors.every((e) => e.code === 'USAGE') ? 2 : 1;
  }
  return writeScaffold(scaffold);
}

/** Writes a scaffold's files (never over an existing one) and says what to run next. */
async function writeScaffold(scaffold: { files: Array<{ path: string; text: string }>; folder: string }): Promise<number> {
  const { writeFileSync } = await import('node:fs');
  const { makeFolder } = await import('../make-folder.js');
  try {
    for (const file of scaffold.files) {
      makeFolder(dirname(file.path));
      writeFileSync(file.path, file.text, { flag: 'wx' });
    }
  } catch (error) {
    const { printError } = await import('../print-diagnostics.js');
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST'
        ? 'it exists already (init never overwrites)'
        : code === 'ENOENT'
          ? 'a folder above it cannot be made'
          : code === 'ENOTDIR'
            ? 'a part of its path is not a folder'
            : code === 'EACCES' || code === 'EPERM'
              ? 'permission denied'
              : code === 'EROFS'
                ? 'the file system is read-only'
                : (code ?? 'the write failed');
    const path = (error as NodeJS.ErrnoException).path ?? scaffold.folder;
    const { showPath } = await import('../show-path.js');
    await printError('OUTPUT_WRITE', `cannot write ${showPath(path)}: ${why}`, 'choose a --dir you may write to, where the pack does not exist yet', 'text');
    return 1;
  }
  const shown = relative(process.cwd(), scaffold.folder) || '.';
  const { printText } = await import('../print-text.js');
  printText(`created ${scaffold.files.map((f) => relative(process.cwd(), f.path)).join(', ')}\n`);
  printText(`next: npx criteria validate ${shown} && npx criteria test ${shown}\n`);
  return 0;
}
