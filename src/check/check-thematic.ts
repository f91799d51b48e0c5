/** Thematic modules: `attachesTo` on thematics only, a valid version range, and a methodology it fits. */
// The two functions alone: importing all of semver costs a cold start about 27 ms, these 8 ms.
import { createRequire } from 'node:module';
import type { Pack } from '../model/pack.js';
import type { CheckContext } from './check-context.js';

export function checkThematic(ctx: CheckContext): void {
  const pack = ctx.pack;
  const attachesTo = pack.attachesTo;
  if (pack.kind === 'methodology') {
    if (attachesTo)
      ctx.error(
        'THEMATIC_ONLY',
        pack,
        'attachesTo',
        `methodology ${pack.id} has attachesTo, which only thematics have`,
        'remove attachesTo, or make the pack kind: thematic',
        true,
      );
    return;
  }
  if (!attachesTo) {
    ctx.error(
      'SCHEMA_REQUIRED',
      pack,
      'kind',
      `thematic ${pack.id} lacks attachesTo`,
      'add attachesTo: { methodology: <pack id>, versions: <semver range>, path: <methodology folder> }',
    );
    return;
  }
  const { validRange } = semverFunctions();
  if (validRange(attachesTo.versions) === null) {
    ctx.error(
      'BAD_VERSION_RANGE',
      attachesTo,
      'versions',
      `'${attachesTo.versions}' in attachesTo.versions of thematic ${pack.id} is not a semver range`,
      'write a range such as ^1.0.0, ~1.2.0 or >=1.0.0 <2.0.0',
    );
    return;
  }
  const methodology = ctx.methodology;
  if (methodology) checkAttachment(ctx, pack, methodology);
}

function checkAttachment(ctx: CheckContext, pack: Pack, methodology: Pack): void {
  const attachesTo = pack.attachesTo!;
  const wanted = `${attachesTo.methodology} ${attachesTo.versions}`;
  if (methodology.kind !== 'methodology') {
    ctx.error(
      'THEMATIC_INCOMPATIBLE',
      attachesTo,
      'methodology',
      `thematic ${pack.id} requires ${wanted} but ${methodology.id} is a thematic, not a methodology`,
      'attach the thematic to a methodology pack',
    );
  } else if (methodology.id !== attachesTo.methodology) {
    ctx.error(
      'THEMATIC_INCOMPATIBLE',
      attachesTo,
      'methodology',
      `thematic ${pack.id} requires ${wanted} but was given ${methodology.id} ${methodology.version}`,
      `check it with ${attachesTo.methodology}, or correct attachesTo.methodology`,
    );
  } else if (!semverFunctions().satisfies(methodology.version, attachesTo.versions, { includePrerelease: true })) {
    ctx.error(
      'THEMATIC_INCOMPATIBLE',
      attachesTo,
      'versions',
      `thematic ${pack.id} requires ${wanted} but ${methodology.id} is ${methodology.version}`,
      `use a version of ${methodology.id} in ${attachesTo.versions}, or widen attachesTo.versions once the thematic is checked against ${methodology.version}`,
    );
  }
}

type SemverFunctions = {
  validRange: (range: string) => string | null;
  satisfies: (version: string, range: string, options?: { includePrerelease?: boolean }) => boolean;
};

/** semver, loaded only when a thematic is checked: checking a methodology (the common cold start) never needs it. */
function semverFunctions(): SemverFunctions {
  const require = createRequire(import.meta.url);
  return {
    validRange: require('semver/ranges/valid.js') as SemverFunctions['validRange'],
    satisfies: require('semver/functions/satisfies.js') as SemverFunctions['satisfies'],
  };
}
