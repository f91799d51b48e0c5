/**
 * A progress bar for long scoring runs, on standard error and only when it is a terminal
 * (nothing at all otherwise). The total is estimated by counting the case file's lines.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';

const LARGE = 20 * 1024 * 1024;

/** Counts newlines without decoding (a quick estimate of a CSV's or NDJSON's case count). */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

export interface Progress {
  update(read: number): void;
  stop(): void;
}

/** A bar for a run over `caseFile`, or a no-op when stderr is no terminal or the file is small. */
export async function startProgress(caseFile: string | undefined): Promise<Progress> {
  const none = { update() {}, stop() {} };
  if (!process.stderr.isTTY || caseFile === undefined || !existsSync(caseFile) || statSync(caseFile).size < LARGE) return none;
  const { SingleBar, Presets } = await import('cli-progress');
  const total = await countLines(caseFile);
  const bar = new SingleBar({ stream: process.stderr, format: 'scoring |{bar}| {percentage}% | {value}/{total} cases | {eta_formatted} left', hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0);
  return { update: (read) => bar.update(Math.min(read, total)), stop: () => bar.stop() };
}
