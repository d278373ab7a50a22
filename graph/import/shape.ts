/**
 * Shape check of an import: every field of the right JSON type, required ones present,
 * enum values known, no unknown fields. GraphQL does the same for `importEcosystem`
 * before we see the input; the CLI reads raw JSON, so it needs this pass. Semantic
 * rules (duplicates, references, intervals…) live in rules.ts; they run on what this
 * pass could read, so one bad value does not hide the rest of the input's problems.
 */
import {
  COMMITMENT_STATUSES, CONTRIBUTION_KINDS, DEAL_REGISTRATION_STATUSES, ENGAGEMENT_ROLES, ENGAGEMENT_STATUSES, OUTCOME_STATUSES, PARTNER_STATUSES, PARTNER_TYPES,
  clip, isRealDate, type EcosystemInput, type Problem,
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
  dealRegistrations: opt(list(obj({
    id: req(id), partner: req(id), customer: req(id), capability: req(id), registeredOn: req(date), expiresOn: opt(date),
    status: opt(oneOf(DEAL_REGISTRATION_STATUSES)), reason: opt(str),
  }))),
});

/**
 * What the later rules may read of an input, whatever its shape: every field that is
 * there and of its declared type, the rest left out. List items keep their places (a
 * misshapen item is `undefined`), so the rules' paths still point into the input.
 */
export type Readable<T> = T extends readonly (infer U)[]
  ? Array<Readable<U> | undefined>
  : T extends object ? { [K in keyof T]?: Readable<NonNullable<T[K]>> } : T;

export interface ShapeResult {
  problems: Problem[];
  readable: Readable<EcosystemInput>;
  /** Paths of values that were given but are misshapen or missing though required. */
  broken: Set<string>;
}

/** Checks the shape of `raw` and keeps what is well-shaped, so the rules can still check that. */
export function readShape(raw: unknown): ShapeResult {
  const problems: Problem[] = [];
  const readable = (read(raw, ECOSYSTEM_SHAPE, '', problems) ?? {}) as Readable<EcosystemInput>;
  return { problems, readable, broken: new Set(problems.map((p) => p.path)) };
}

/** `value` with its misshapen parts left out (`undefined` when nothing of it is usable); one problem per misshapen value. */
function read(value: unknown, spec: Spec, path: string, problems: Problem[]): unknown {
  const broken = (message: string): undefined => { problems.push({ path: at(path), message }); return undefined; };
  switch (spec.t) {
    case 'id':
    case 'string':
    case 'date':
      if (typeof value !== 'string') return broken(`must be a string${spec.t === 'date' ? ' date YYYY-MM-DD' : ''}`);
      if (spec.t === 'date' && !isRealDate(value)) return broken(`"${clip(value)}" is not a real date (YYYY-MM-DD)`);
      return value;
    case 'boolean':
      return typeof value === 'boolean' ? value : broken('must be true or false');
    case 'int':
      return Number.isInteger(value) ? value : broken('must be a whole number');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : broken('must be a number');
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        return broken(`${typeof value === 'string' ? `"${clip(value)}" is not` : 'must be'} one of ${spec.values.join(', ')}`);
      }
      return value;
    case 'list':
      if (!Array.isArray(value)) return broken('must be a list');
      return value.map((item, i) => {
        if (item !== null && item !== undefined) return read(item, spec.of, `${path}[${i}]`, problems);
        problems.push({ path: `${path}[${i}]`, message: 'must not be null' });
        return undefined;
      });
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return broken('must be an object');
      const record = value as Record<string, unknown>;
      const kept: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(spec.fields)) {
        const inner = record[name];
        const innerPath = path ? `${path}.${name}` : name;
        if (inner === undefined || inner === null) {
          if (field.required) problems.push({ path: innerPath, message: 'is required' });
        } else {
          const usable = read(inner, field.spec, innerPath, problems);
          if (usable !== undefined) kept[name] = usable;
        }
      }
      for (const name of Object.keys(record)) {
        if (!(name in spec.fields)) problems.push({ path: path ? `${path}.${name}` : name, message: 'is not a known field' });
      }
      return kept;
    }
  }
}

function at(path: string): string {
  return path === '' ? '$' : path;
}
