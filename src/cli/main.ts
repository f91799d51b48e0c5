#!/usr/bin/env node
/**
 * The `criteria` command line: a thin shell over the library. Each command is a file under
 * ./commands exporting `register(program)`; only the command being run is loaded, and heavy
 * modules are imported inside the actions, so `--help` and a cold `validate` start fast. Usage
 * errors exit 2, internal errors 70, never with a stack trace.
 */
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { useValueCache } from '../load/value-cache.js';
import { openDiskValueCache } from './disk-value-cache.js';

/** Exit codes. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 70 } as const;

/** A command module: registers one command (with its options and action) on the program. */
export interface CommandModule {
  register(program: Command): void;
}

/**
 * Every command, by name, with the module that registers it. Only the module of the command being
 * run is loaded (`criteria validate …` never loads serve's or sql's code); help and unknown
 * commands load them all. test/cli/command-table.test.ts checks that each file of ./commands is here.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  compare: () => import('./commands/compare.js'),
  diff: () => import('./commands/diff.js'),
  explain: () => import('./commands/explain.js'),
  init: () => import('./commands/init.js'),
  schema: () => import('./commands/schema.js'),
  score: () => import('./commands/score.js'),
  serve: () => import('./commands/serve.js'),
  sql: () => import('./commands/sql.js'),
  test: () => import('./commands/test.js'),
  validate: () => import('./commands/validate.js'),
};

/** The command a command line runs: its first word when that names a command (options of the program itself come before it). */
function commandOf(argv: readonly string[]): string | undefined {
  const first = argv[0];
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? first : undefined;
}

/**
 * The program with its commands registered: only the one `argv` runs when it names one, else
 * every command (for help, or to suggest a name for a mistyped one), in the order of their names.
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
  const program = new Command('criteria')
    .description('Rules-as-data scoring for inspection methodologies: check rule packs, score inspections.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride();
  const only = argv === undefined ? undefined : commandOf(argv);
  const names = only !== undefined ? [only] : Object.keys(COMMANDS).sort();
  for (const module of await Promise.all(names.map((name) => COMMANDS[name]!()))) module.register(program);
  for (const command of [program, ...allCommands(program)]) {
    command.exitOverride();
    // Commander's own errors (an unknown command or option, a missing argument) are printed by main(), as text or JSON, once.
    command.configureOutput({ outputError: (text) => (commanderError.text = text) });
  }
  return program;
}

/** The program's commands at every depth (`init thematic`, `schema cases`). */
function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}

/** The last error commander reported, to print in the format asked for. */
const commanderError = { text: '' };

/** Whether the command line asks for JSON output (`--format json` or `--format=json`). */
function wantsJson(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === '--format=json' || (a === '--format' && argv[i + 1] === 'json'));
}

/** Prints a usage error as text (`error USAGE: …`) or, under --format json, as { errors: [...] } — on standard error. */
async function printUsage(message: string, argv: readonly string[]): Promise<void> {
  const { printError } = await import('./print-diagnostics.js');
  await printError('USAGE', message, 'see criteria <command> --help', wantsJson(argv) ? 'json' : 'text');
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  commanderError.text = '';
  try {
    const program = await buildProgram(argv);
    if (argv.length === 0) {
      process.stderr.write(program.helpInformation());
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for (--help, --version) is a normal end; help shown because a subcommand is missing (`criteria init`) is a usage error.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || (error.code === 'commander.help' && error.exitCode === 0))
        return EXIT.ok;
      if (error.code !== 'commander.help') await printUsage((commanderError.text || error.message).replace(/^error: /, '').trim(), argv);
      return EXIT.usage;
    }
    if (isClosedPipe(error)) return EXIT.ok;
    process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.internal;
  }
}

/** Whether this module is the program being run (also through a bin symlink), not imported by a test. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  runAsProgram();
}

/** A write to a pipe whose reader has gone (`criteria score … | head`): the reader has what it wanted. */
function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

function runAsProgram(): void {
  // A closed pipe is a normal end: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (isClosedPipe(error)) process.exit(EXIT.ok);
      throw error;
    });
  }
  // An error thrown outside the promise chain (in a stream's event handler, say) ends the run the
  // same way: one line, exit 70, never a stack trace.
  const internal = (error: unknown) => {
    if (isClosedPipe(error)) process.exit(EXIT.ok);
    process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT.internal);
  };
  process.on('uncaughtException', internal);
  process.on('unhandledRejection', internal);
  const argv = process.argv.slice(2);
  // Parsed files are kept between runs, except by the server, whose editors send a new text at each keystroke.
  if (commandOf(argv) !== 'serve') useValueCache(openDiskValueCache());
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
