/**
 * Shape check of an import: every field of the right JSON type, required ones present,
 * enum values known, no unknown fields. GraphQL does the same for `importEcosystem`
 * before we see the input; the CLI reads raw JSON, so it needs this pass. Semantic
 * rules (duplicates, references, intervals…) live in rules.ts.
 */
import {
  COMMITMENT_STATUSES, CONTRIBUTION_KINDS, ENGAGEMENT_ROLES, ENGAGEMENT_STATUSES, OUTCOME_STATUSES, PARTNER_STATUSES, PARTNER_TYPES,
  isRealDate, type Problem,
} from '../model/index.ts';

type Spec =
  | { t: 'id' | 'string' | 'date' | 'boolean' | 'int' | 'number' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'list'; of: Spec }
  | { t: 'object'; fields: Record<string, Field> };
interface Field { spec: Spec; required?: boolean }

const id: Spec = { t: 'id' };
const str: Spec = { t: 'string' };
const date: Spec = { t: 'date' };
const req = (spec: Spec): Field => ({ spec, required: true });
const opt = (spec: Spec): Field => ({ spec });
const list = (of: Spec): Spec => ({ t: 'list', of });
const obj = (fields: Record<string, Field>): Spec => ({ t: 'object', fields });
const oneOf = (values: readonly string[]): Spec => ({ t: 'enum', values });

const named = obj({ code: req(id), name: req(str) });

/** EcosystemInput of the contract's schema.graphql, field for field. */
export const ECOSYSTEM_SHAPE: Spec = obj({
  regions: opt(list(named)),
  industries: opt(list(named)),
  capabilities: opt(list(obj({ id: req(id), name: req(str) }))),
  partners: opt(list(obj({
    id: req(id),
    name: req(str),
    type: req(oneOf(PARTNER_TYPES)),
    status: opt(oneOf(PARTNER_STATUSES)),
    tier: opt(str),
    regions: opt(list(id)),
    industries: opt(list(id)),
    capabilities: opt(list(obj({ capability: req(id), level: req({ t: 'int' }), certified: opt({ t: 'boolean' }) }))),
  }))),
  customers: opt(list(obj({ id: req(id), name: req(str), region: req(id), industry: req(id) }))),
  engagements: opt(list(obj({
    id: req(id),
    name: req(str),
    customer: req(id),
    status: req(oneOf(ENGAGEMENT_STATUSES)),
    value: opt({ t: 'number' }),
    currency: opt(str),
    startDate: opt(date),
    endDate: opt(date),
    requires: opt(list(obj({ capability: req(id), level: req({ t: 'int' }) }))),
    participants: opt(list(obj({ partner: req(id), role: req(oneOf(ENGAGEMENT_ROLES)), from: req(date), to: opt(date) }))),
    contributions: opt(list(obj({
      id: req(id), partner: req(id), kind: req(oneOf(CONTRIBUTION_KINDS)), date: req(date), amount: opt({ t: 'number' }),
    }))),
    commitments: opt(list(obj({
      id: req(id), owner: req(id), description: req(str), status: req(oneOf(COMMITMENT_STATUSES)),
      dueDate: opt(date), dependsOn: opt(list(id)),
    }))),
    outcomes: opt(list(obj({
      id: req(id), description: req(str), status: req(oneOf(OUTCOME_STATUSES)), dueDate: req(date), dependsOn: opt(list(id)),
    }))),
  }))),
});

/** Appends one problem per misshapen value of `value` to `problems`. */
export function checkShape(value: unknown, problems: Problem[], spec: Spec = ECOSYSTEM_SHAPE, path = ''): void {
  switch (spec.t) {
    case 'id':
    case 'string':
    case 'date':
      if (typeof value !== 'string') problems.push({ path: at(path), message: `must be a string${spec.t === 'date' ? ' date YYYY-MM-DD' : ''}` });
      else if (spec.t === 'date' && !isRealDate(value)) problems.push({ path: at(path), message: `"${clip(value)}" is not a real date (YYYY-MM-DD)` });
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push({ path: at(path), message: 'must be true or false' });
      return;
    case 'int':
      if (!Number.isInteger(value)) problems.push({ path: at(path), message: 'must be a whole number' });
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ path: at(path), message: 'must be a number' });
      return;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        problems.push({ path: at(path), message: `must be one of ${spec.values.join(', ')}` });
      }
      return;
    case 'list':
      if (!Array.isArray(value)) { problems.push({ path: at(path), message: 'must be a list' }); return; }
      value.forEach((item, i) => {
        if (item === null || item === undefined) problems.push({ path: `${path}[${i}]`, message: 'must not be null' });
        else checkShape(item, problems, spec.of, `${path}[${i}]`);
      });
      return;
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ path: at(path), message: 'must be an object' });
        return;
      }
      const record = value as Record<string, unknown>;
      for (const [name, field] of Object.entries(spec.fields)) {
        const inner = record[name];
        const innerPath = path ? `${path}.${name}` : name;
        if (inner === undefined || inner === null) {
          if (field.required) problems.push({ path: innerPath, message: 'is required' });
        } else {
          checkShape(inner, problems, field.spec, innerPath);
        }
      }
      for (const name of Object.keys(record)) {
        if (!(name in spec.fields)) problems.push({ path: path ? `${path}.${name}` : name, message: 'is not a known field' });
      }
      return;
    }
  }
}



function at(path: string): string {
  return path === '' ? '$' : path;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
