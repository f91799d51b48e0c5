import { describe, expect, it } from 'vitest';
import { formatSheet } from '../../src/report/format-sheet.js';
import { handResult, readSample } from './hand-result.js';

const ANSI = /\u001b\[/;

function lineStarting(text: string, start: string): string {
  const line = text.split('\n').find((l) => l.startsWith(start));
  if (line === undefined) throw new Error(`no line starting ${start}`);
  return line;
}

describe('formatSheet on the engine sample', () => {
  const sample = readSample();
  const sheet = formatSheet(sample);

  it('starts with the pack title, area and period', () => {
    expect(sheet.split('\n')[0]).toBe('Effective Supervision Inspection (2003) — Derbyshire, 2003-10');
  });

  it('prints a line per criterion with its score or band ending in one right-hand column', () => {
    const criteria = sample.sections.flatMap((s) => s.criteria);
    const ends = new Set<number>();
    for (const c of criteria) {
      const value = c.score === null ? c.band!.label : `${c.score}%`;
      // a long title wraps: the value is on the criterion's last line
      const lines = sheet.split('\n');
      const start = lines.findIndex((l) => l.startsWith(`${c.id}: `));
      const line = lines.slice(start).find((l) => l.endsWith(` ${value}`));
      expect(line, c.id).toBeDefined();
      expect(line).toMatch(/ \.{3,} /);
      ends.add(line!.length);
    }
    expect(ends.size).toBe(1);
    expect(lineStarting(sheet, 'B1: Assessment of risk of harm')).toMatch(/\.\s+critical\s+61%$/);
    expect(lineStarting(sheet, 'A1: Leadership and planning')).toMatch(/\.\s+Well met$/);
  });

  it('heads each section and prints the score lines of the sections that have one', () => {
    expect(sheet).toContain('\nSection A – Quality of Management\n');
    expect(lineStarting(sheet, 'Score for section B')).toMatch(/\s60%$/);
    expect(sheet).not.toContain('Score for section A');
    expect(lineStarting(sheet, 'OVERALL SCORE FOR SECTIONS B–D')).toMatch(/\s60%$/);
  });

  it('prints the question tables, items and targets in detail, and none without', () => {
    expect(sheet).toMatch(/\n {2}B1\.3 +A satisfactory risk management plan.* +3 +2 +67%\n/);
    expect(sheet).toMatch(/\n {2}B3\.7 .* 0 +0 +—\n/);
    expect(sheet).toMatch(/A1\.npd .*Strong\n +\(not counted: relates to the National Probation Directorate\)/);
    expect(sheet).toMatch(/Sickness absence: average days absence \(SDA 8\) +10 days +9\.1 days +11\.9 days +Met/);
    const short = formatSheet(sample, { detail: false });
    expect(short).not.toContain('B1.3');
    expect(short).toContain('Sickness absence');
  });

  it('keeps question lines within the width', () => {
    for (const width of [100, 72]) {
      const lines = formatSheet(sample, { width })
        .split('\n')
        .filter((l) => /^ {2}[A-D]\d\.\d+ /.test(l));
      expect(lines.length).toBeGreaterThan(20);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  it('ends with provenance and the case accounting line', () => {
    expect(sheet).toContain('pack    esi-2003@1.0.0 sha256 2a6ba90fe3d7\n');
    expect(sheet).toContain('input   sha256 fa3f5998260e\n');
    expect(sheet.endsWith('cases: 10 read, 10 scored (0 relevant to no question), 0 excluded\n')).toBe(true);
  });

  it('uses no ANSI escapes unless colour is asked for', () => {
    expect(sheet).not.toMatch(ANSI);
    const coloured = formatSheet(sample, { color: true });
    expect(coloured).toContain('\u001b[1mSection B – Quality of Assessment\u001b[22m');
    expect(coloured).toContain('\u001b[2mengine  criteria 0.1.0\u001b[22m');
  });

  it('is deterministic', () => {
    expect(formatSheet(readSample())).toBe(sheet);
  });
});

describe('formatSheet on a hand-made result', () => {
  const sheet = formatSheet(handResult());

  it('marks an adjusted result and explains it in a footnote', () => {
    expect(lineStarting(sheet, 'P2: Planning & <review>')).toMatch(/\s+Fair\*$/);
    expect(sheet).toContain('\n* adjusted from Poor: the plan was revised after the fieldwork\n');
  });

  it('prints a not-rated criterion with its reason, in the value column', () => {
    const line = lineStarting(sheet, 'P3: Rare events');
    expect(line).toMatch(/ not rated \(no relevant cases\)$/);
    expect(line.length).toBe(lineStarting(sheet, 'P1: Assessment').length);
  });

  it('shows weight classes and not-applicable notes', () => {
    expect(lineStarting(sheet, 'P1: Assessment')).toMatch(/ heavy +75%$/);
    expect(sheet).toMatch(/P1\.1 +Was the assessment done on time\? +4 +3 +75% +n\/a \(2\)/);
    expect(sheet).toMatch(/P1\.3 +Was a specialist consulted\? +0 +0 +— +n\/a \(4\)/);
  });

  it('prints section summaries and the thematic as its own sheet', () => {
    expect(sheet).toContain('Section P – Practice\nPractice in Testshire was mostly sound.\n');
    expect(sheet).toContain('Thematic X & friends — Testshire, 2024\n');
    expect(sheet).toContain('Section T – Thematic work\nThematic work in Testshire was fair overall.\n');
    expect(lineStarting(sheet, 'Score for section T')).toMatch(/ Fair$/);
  });

  it('accounts for every case, listing the excluded ones with their reasons', () => {
    expect(sheet).toContain('cases: 6 read, 5 scored (1 relevant to no question), 1 excluded\n');
    expect(sheet).toContain('  excluded case-9 (cases.csv:10): unknown answer "maybe" to P1.2; no date\n');
    expect(sheet).toContain('thematic  theme-x@0.2.0 sha256 9876543210fe\n');
  });
});
