/**
 * Explaining a ratings methodology in its own words: the band set's title, each rule's level and
 * note, the parts that decided a count, and each limit tried with what it did.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openExplanation, type ExplainContext } from '../../src/explain/explain-context.js';
import { buildNodeTrace } from '../../src/explain/build-node-trace.js';
import { renderTraceText } from '../../src/explain/render-trace.js';

const OAKFIELD = 'rules/cqc-asc-2022/examples/oakfield-house/inspection.yaml';
let oakfield: ExplainContext;

beforeAll(async () => {
  const ctx = await openExplanation(OAKFIELD);
  if ('errors' in ctx) throw new Error(ctx.errors[0]!.message);
  oakfield = ctx;
});

function lines(id: string): string[] {
  const explained = buildNodeTrace(oakfield, id);
  if (!('trace' in explained)) throw new Error(`no result ${id}`);
  return renderTraceText(explained.trace).split('\n');
}

describe('explaining Oakfield House', () => {
  it('names the key questions that made the overall rating Requires improvement', () => {
    const overall = lines('overall');
    expect(overall[0]).toBe('overall Overall rating: Requires improvement');
    expect(overall[1]).toBe(
      '  band: Requires improvement — rule 2 of The overall rating from the five key questions, the first that holds (later rules are not tried); because Safe and Well-led are Requires improvement or worse',
    );
    expect(overall).toContain('        count at most requiresImprovement ≥ 2 — holds (2 of 5 rated sections: Safe, Well-led)');
    expect(overall).toContain('    limit breach (no better than Requires improvement) — a breach of regulations: does not hold');
  });

  it('shows the band the rules gave, the limiter that moved it, and the limiters that did not hold', () => {
    const wellLed = lines('wellLed');
    expect(wellLed[0]).toBe('wellLed Well-led: Requires improvement — limited: no registered manager in post');
    expect(wellLed).toContain(
      '  band: Good — otherwise of The Well-led rating from its lines of enquiry, with its limiters, limited to Requires improvement: no registered manager in post',
    );
    expect(wellLed).toContain(
      '    limit registeredManager (no better than Requires improvement) — no registered manager in post: holds, so Good becomes Requires improvement',
    );
    expect(wellLed).toContain(
      '    limit conditionOfRegistration (no better than Requires improvement) — a condition of registration is not met: does not hold',
    );
    // The rules come from the set it extends, and say so.
    expect(wellLed).toContain(
      '    Outstanding (at least two rated Outstanding and the rest Good, from The rating principles): twoOrMoreOutstandingAndTheRestGood — fails',
    );
  });

  it("lists a key question's own items and names those a count decided on", () => {
    const safe = lines('safe');
    expect(safe[1]).toBe("  S1 'People are kept safe from abuse and neglect, and concerns are acted on': Good");
    expect(safe).toContain(
      "  band: Requires improvement — rule 2 of A key question's rating from its lines of enquiry, the first that holds (later rules are not tried); because S2 and S4 are Requires improvement or worse",
    );
    expect(safe).toContain('        count at most requiresImprovement ≥ 2 — holds (2 of 6 rated items: S2, S4)');
  });

  it('explains an item of a key question as counting in it', () => {
    expect(lines('S2')).toEqual([
      "S2 'Risks to each person and to the service are assessed and managed': Requires improvement",
      '  counts in safe Safe: Requires improvement',
      '',
    ]);
  });
});
