/**
 * The JSON Schema of a case record for one plan (a methodology and its thematics): its declared
 * facts with their types and allowed values, and its question ids with their scales' levels, so a
 * scoring tool can check its own forms before sending cases.
 */
import type { FactDeclaration } from '../model/pack.js';
import type { CompiledPlan } from './compiled-plan.js';

type JsonSchema = Record<string, unknown>;

function factSchema(declaration: FactDeclaration): JsonSchema {
  const description = declaration.description ? { description: declaration.description } : {};
  switch (declaration.type) {
    case 'enum':
      return { type: 'string', enum: declaration.values ?? [], ...description };
    case 'boolean':
      return { type: 'boolean', ...description };
    case 'number':
      return {
        type: 'number',
        ...(declaration.minimum !== undefined ? { minimum: declaration.minimum } : {}),
        ...(declaration.maximum !== undefined ? { maximum: declaration.maximum } : {}),
        ...description,
      };
    case 'date':
      return { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', ...description };
    case 'string':
      return { type: 'string', ...description };
  }
}

export function buildCaseSchema(plan: CompiledPlan): JsonSchema {
  const packs = plan.modules.map((m) => `${m.pack.id} ${m.pack.version}`).join(', ');
  const facts = Object.fromEntries([...plan.caseFacts].map(([name, d]) => [name, factSchema(d)]));
  const required = [...plan.caseFacts].filter(([, d]) => d.required).map(([name]) => name);
  const answers = Object.fromEntries(
    plan.questions
      .filter((q) => q.answers !== null)
      .map((q) => [
        q.key,
        {
          type: 'string',
          enum: [...q.answers!.keys()],
          description: `${q.def.text}${q.def.appliesWhen ? ` (answered only when it applies: ${JSON.stringify(q.def.appliesWhen)})` : ''}`,
        },
      ]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Case record for ${packs}`,
    description: 'One case of an inspection sample: its id, its facts and its answers to the questions that apply to it.',
    type: 'object',
    required: ['id', ...(required.length > 0 ? ['facts'] : [])],
    additionalProperties: false,
    properties: {
      id: { type: ['string', 'number'], minLength: 1, description: 'The case id, unique in the inspection.' },
      facts: { type: 'object', additionalProperties: false, required, properties: facts },
      answers: { type: 'object', additionalProperties: false, properties: answers },
    },
  };
}
