/**
 * An earlier version of a pack's files, read from git (`git show <ref>:<path>`) into memory: the
 * last commit by default, or a ref the author picks. Nothing is checked out or written. A ref is
 * checked for its form and resolved to a commit before it is used.
 */
import { execFile } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const OPTIONS = { maxBuffer: 16 * 1024 * 1024, timeout: 10_000, encoding: 'utf8' as const };
/** What a ref may look like: branch, tag or commit names and HEAD~2 style steps; never an option. */
const REF_FORM = /^(?!-)[A-Za-z0-9._/~^@{}-]{1,100}$/;
/** The pack files an older version is read for (case data is not part of a pack). */
const PACK_FILE = /\.(ya?ml|json)$/i;

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'core.quotepath=off', ...args], { ...OPTIONS, cwd });
  return stdout;
}

/** The top folder of the git repository holding `folder`, or undefined when it is not in one. */
export async function findRepository(folder: string): Promise<string | undefined> {
  try {
    return (await git(folder, ['rev-parse', '--show-toplevel'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The commit a ref names, or a reason it cannot be used. */
export async function resolveRef(repository: string, ref: string): Promise<{ commit: string } | { problem: string }> {
  if (!REF_FORM.test(ref) || ref.includes('..')) return { problem: `'${ref}' is not a branch, tag or commit name` };
  try {
    const commit = (await git(repository, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
    return /^[0-9a-f]{40,64}$/.test(commit) ? { commit } : { problem: `no commit '${ref}' in the repository` };
  } catch {
    return { problem: `no commit '${ref}' in the repository` };
  }
}

/** The texts of a pack folder's files at `commit`, by absolute path (of where they are now). */
export async function readPackAt(repository: string, commit: string, packFolder: string): Promise<Map<string, string>> {
  const inRepo = relative(repository, packFolder).split(sep).join('/');
  const listed = await git(repository, ['ls-tree', '-r', '-z', '--name-only', commit, '--', inRepo === '' ? '.' : inRepo]);
  const texts = new Map<string, string>();
  for (const path of listed.split('\0').filter((p) => PACK_FILE.test(p))) {
    texts.set(join(repository, ...path.split('/')), await git(repository, ['show', `${commit}:${path}`]));
  }
  return texts;
}

export interface CommitEntry {
  ref: string;
  short: string;
  date: string;
  subject: string;
}

/** The recent commits that touched a pack folder, newest first, and the tags. */
export async function listVersions(repository: string, packFolder: string): Promise<{ commits: CommitEntry[]; tags: string[] }> {
  const inRepo = relative(repository, packFolder).split(sep).join('/') || '.';
  const log = await git(repository, ['log', '-n', '20', '--format=%H%x09%h%x09%cs%x09%s', '--', inRepo]).catch(() => '');
  const commits = log
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [ref = '', short = '', date = '', ...subject] = line.split('\t');
      return { ref, short, date, subject: subject.join('\t') };
    });
  const tags = (await git(repository, ['tag', '--list', '--sort=-creatordate']).catch(() => '')).split('\n').filter(Boolean).slice(0, 50);
  return { commits, tags };
}
