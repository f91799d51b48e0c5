/**
 * What the workbench page's parts share: the packs listed, the open file, each file's buffer
 * (its text and the version last read from or saved to disk), the problems of the last check, the
 * sequence numbers that let a late answer be dropped, the editor, the status line, and which
 * pack a file belongs to and which files have unsaved edits.
 */
import type { EditorView } from '@codemirror/view';
import type { CheckOutcome, Diagnostic, FileVersion, PackNames, WorkspacePack } from './api-types.js';
import { byId } from './make-element.js';

export interface Buffer {
  text: string;
  /** The file as last read from or saved to disk. */
  base: FileVersion;
}

export const OPEN_KEY = 'criteria-workbench:open';
export const INSPECTION_KEY = 'criteria-workbench:inspection';

export const state = {
  packs: [] as WorkspacePack[],
  git: false,
  open: undefined as string | undefined,
  buffers: new Map<string, Buffer>(),
  problems: [] as Diagnostic[],
  problemIndex: -1,
  names: new Map<string, PackNames>(),
  lastCheck: undefined as CheckOutcome | undefined,
  checkController: undefined as AbortController | undefined,
  checkSeq: 0,
  /** The latest test run asked for: an earlier run's answer arriving after it is dropped. */
  testSeq: 0,
  /** The same for impact. */
  impactSeq: 0,
  allValid: false,
  /** What the last save did, shown until the next edit. */
  note: '',
};
/** True while code replaces the editor's text, so the change is not taken for an edit. */
export const silent = { value: false };
export let view: EditorView;

/** The editor, made when the page starts. */
export function setView(editor: EditorView): void {
  view = editor;
}

export function status(text: string): void {
  byId('status').textContent = text;
}

export function packOf(path: string): WorkspacePack | undefined {
  return state.packs.filter((p) => path === p.path || path.startsWith(`${p.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
}

export function dirtyFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, buffer] of state.buffers) if (buffer.text !== buffer.base.text) files[path] = buffer.text;
  return files;
}

export function currentPack(): WorkspacePack | undefined {
  return state.open ? packOf(state.open) : undefined;
}
