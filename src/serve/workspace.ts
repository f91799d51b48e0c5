/**
 * The packs a server scores with: every pack folder of a workspace (the folder itself, and each
 * folder under `rules/` and `thematics/`), loaded and checked, found by id and version range,
 * never by path. A pack is loaded again when one of its files changes on disk, so an author who
 * saves a file sees it in the next request.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import semver from 'semver';
import type { Diagnostic } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import type { PackSummary } from '../model/service.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { compilePlan } from '../compile/compile-pack.js';
import { hashPack } from '../compile/hash-pack.js';
import { loadPack, loadPackFiles, ROOT_FILE_NAMES } from '../pipeline/load-pack.js';
import { publicDiagnostic } from './public-diagnostic.js';

/** The folders of a workspace that hold pack folders, besides the workspace itself. */
export const PACK_FOLDERS: readonly string[] = ['rules', 'thematics'];

/** A pack loaded from the workspace. */
export interface WorkspacePack {
  summary: PackSummary;
  /** The checked pack; undefined when it failed its checks. */
  pack?: Pack;
}

interface CachedPack extends WorkspacePack {
  /** The files it was read from with their modification times and sizes: it is loaded again when they change. */
  signature: string;
  files: string[];
}

export class Workspace {
  private readonly packs = new Map<string, CachedPack>();
  private readonly plans = new Map<string, CompiledPlan>();
  /** Content hashes of the loaded packs (hashing a pack costs more than scoring a small inspection). */
  private readonly hashes = new WeakMap<Pack, string>();

  constructor(readonly root: string) {}

  /** Every pack of the workspace, methodologies first, then by id and version. */
  list(): WorkspacePack[] {
    const folders = this.packFolders();
    for (const cached of this.packs.keys()) if (!folders.includes(cached)) this.packs.delete(cached);
    const all = folders.map((folder) => this.load(folder)).filter((p): p is CachedPack => p !== undefined);
    return all.sort((a, b) => order(a.summary, b.summary));
  }

  /** The newest valid pack with this id whose version is in the range (any version when none is given). */
  find(id: string, range?: string): { pack: WorkspacePack } | { missing: 'id' | 'version'; versions: string[] } {
    const candidates = this.list().filter((p) => p.summary.id === id);
    if (candidates.length === 0) return { missing: 'id', versions: [] };
    const matching = candidates.filter((p) => range === undefined || semver.satisfies(p.summary.version, range));
    const best = matching.sort((a, b) => semver.rcompare(a.summary.version, b.summary.version))[0];
    return best ? { pack: best } : { missing: 'version', versions: candidates.map((p) => p.summary.version) };
  }

  /** The ids of the workspace's packs (for did-you-mean). */
  ids(): string[] {
    return [...new Set(this.list().map((p) => p.summary.id))];
  }

  /** The compiled plan of a methodology with thematics, kept while their content is unchanged. */
  plan(methodology: Pack, thematics: Pack[]): CompiledPlan {
    const key = [methodology, ...thematics].map((p) => this.hashOf(p)).join('+');
    let plan = this.plans.get(key);
    if (!plan) {
      // A small cache: workspaces hold few packs, but every saved edit makes a new content hash.
      if (this.plans.size >= 32) this.plans.delete(this.plans.keys().next().value!);
      plan = compilePlan(methodology, thematics);
      this.plans.set(key, plan);
    }
    return plan;
  }

  private hashOf(pack: Pack): string {
    let hash = this.hashes.get(pack);
    if (hash === undefined) {
      hash = hashPack(pack);
      this.hashes.set(pack, hash);
    }
    return hash;
  }

  private packFolders(): string[] {
    const folders: string[] = [];
    if (hasRootFile(this.root)) folders.push(this.root);
    for (const name of PACK_FOLDERS) {
      const parent = join(this.root, name);
      let entries: string[];
      try {
        entries = readdirSync(parent).sort();
      } catch {
        continue;
      }
      for (const entry of entries) {
        const folder = join(parent, entry);
        if (!entry.startsWith('.') && hasRootFile(folder)) folders.push(folder);
      }
    }
    return folders;
  }

  private load(folder: string): CachedPack | undefined {
    const cached = this.packs.get(folder);
    if (cached && cached.signature === signatureOf(cached.files)) return cached;
    const loaded = this.loadFresh(folder);
    if (loaded) this.packs.set(folder, loaded);
    return loaded;
  }

  private loadFresh(folder: string): CachedPack | undefined {
    const files = loadPackFiles(folder);
    const place = relative(this.root, folder) || '.';
    if ('errors' in files) {
      return {
        summary: invalidSummary(
          place,
          files.errors.map((d) => publicDiagnostic(d, this.root)),
        ),
        files: [],
        signature: `unreadable ${Date.now()}`,
      };
    }
    const fileList = files.pack.files ?? [];
    // Confined to the workspace: a thematic's attachesTo.path may not reach a methodology outside it.
    const loaded = loadPack(folder, { root: this.root });
    const pack = 'errors' in loaded ? files.pack : loaded.pack;
    const diagnostics = ('errors' in loaded ? loaded.errors : loaded.warnings).map((d) => publicDiagnostic(d, this.root));
    const summary: PackSummary = {
      id: String(pack.id),
      version: String(pack.version),
      kind: pack.kind,
      title: String(pack.title),
      status: String(pack.status),
      sha256: this.hashOf(pack),
      folder: place,
      ...(pack.attachesTo ? { attachesTo: { methodology: pack.attachesTo.methodology, versions: pack.attachesTo.versions } } : {}),
      valid: !('errors' in loaded),
      diagnostics,
    };
    return { summary, ...('errors' in loaded ? {} : { pack: loaded.pack }), files: fileList, signature: signatureOf(fileList) };
  }
}

function hasRootFile(folder: string): boolean {
  return ROOT_FILE_NAMES.some((name) => {
    try {
      return statSync(join(folder, name)).isFile();
    } catch {
      return false;
    }
  });
}

function signatureOf(files: readonly string[]): string {
  return files
    .map((file) => {
      try {
        const s = statSync(file);
        return `${file}:${s.mtimeMs}:${s.size}`;
      } catch {
        return `${file}:gone`;
      }
    })
    .join('|');
}

function invalidSummary(folder: string, diagnostics: Diagnostic[]): PackSummary {
  return { id: folder, version: '0.0.0', kind: 'methodology', title: folder, status: 'invalid', sha256: '', folder, valid: false, diagnostics };
}

function order(a: PackSummary, b: PackSummary): number {
  if (a.kind !== b.kind) return a.kind === 'methodology' ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return semver.valid(a.version) && semver.valid(b.version) ? semver.compare(a.version, b.version) : 0;
}
