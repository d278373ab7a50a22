/**
 * `importEcosystem` over real HTTP on the sample ecosystem (seeds/sample-ecosystem.json):
 * every problem of an input at once, also when GraphQL itself refuses a value; a Date
 * literal that is not real is the client's input; and an import never takes items from
 * an engagement it does not list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EcosystemInput, EngagementInput } from '../../graph/model/index.ts';
import { codes, useTestApp, type GqlResponse } from '../../tests/support/api.ts';
import { snapshot } from '../../tests/support/graph.ts';

const SAMPLE = readFileSync(new URL('../../seeds/sample-ecosystem.json', import.meta.url), 'utf8');
const sample = (): EcosystemInput => JSON.parse(SAMPLE) as EcosystemInput;

const t = useTestApp(sample);
const { gql } = t;

const IMPORT = 'mutation Import($input: EcosystemInput!) { importEcosystem(input: $input) { engagements commitments } }';
const ROOT_CAUSES = 'query($id: ID!) { accountability(outcomeId: $id) { rootCauses { commitment { id engagement { id } } } } }';

function onlyError(res: GqlResponse<unknown>, code: string) {
  expect(codes(res), JSON.stringify(res.errors)).toEqual([code]);
  return res.errors![0]!;
}

/** Runs `request` and checks the graph is exactly as before it. */
async function unchanged<T>(request: () => Promise<T>): Promise<T> {
  const before = await snapshot(t.graph);
  const result = await request();
  expect(await snapshot(t.graph)).toEqual(before);
  return result;
}

async function rootCausesOf(outcome: string): Promise<string[]> {
  const res = await gql<{ accountability: { rootCauses: Array<{ commitment: { id: string } }> } }>(ROOT_CAUSES, { id: outcome });
  expect(res.errors).toBeUndefined();
  return res.data!.accountability.rootCauses.map((r) => r.commitment.id);
}

/** A new engagement of Quillfield's for Rheinhafen; `commitments` as given. */
function phaseTwo(commitments: EngagementInput['commitments']): EngagementInput {
  return {
    id: 'e-claims-phase2', name: 'Claims copilot, phase 2', customer: 'c-rheinhafen', status: 'PLANNED',
    participants: [{ partner: 'p-quillfield', role: 'ORCHESTRATOR', from: '2026-09-01' }],
    commitments,
  };
}

describe('importEcosystem lists every problem at once', () => {
  it('a date GraphQL refuses does not hide an empty name, a negative value or `to` before `from`', async () => {
    const input = {
      engagements: [{
        id: 'e-four-problems', name: ' ', customer: 'c-rheinhafen', status: 'PLANNED', value: -1, startDate: '2026-02-30',
        participants: [{ partner: 'p-quillfield', role: 'ORCHESTRATOR', from: '2026-05-01', to: '2026-04-01' }],
      }],
    };
    const res = await unchanged(() => gql(IMPORT, { input }));
    expect(res.status).toBe(400);
    const error = onlyError(res, 'BAD_USER_INPUT');
    expect(error.extensions.problems!.map((p) => p.path).sort()).toEqual([
      'engagements[0].name', 'engagements[0].participants[0].to', 'engagements[0].startDate', 'engagements[0].value',
    ]);
    expect(error.extensions.problems!.find((p) => p.path === 'engagements[0].startDate')!.message).toContain('2026-02-30');
  });

  it('a bad enum value and a reference to nothing, stored or given', async () => {
    const res = await unchanged(() => gql(IMPORT, {
      input: { partners: [{ id: 'p-new', name: 'New', type: 'WIZARD', regions: ['XX'] }] },
    }));
    const error = onlyError(res, 'BAD_USER_INPUT');
    expect(error.extensions.problems!.map((p) => p.path).sort()).toEqual(['partners[0].regions[0]', 'partners[0].type']);
  });

  it('a token that may not import learns nothing from the store: GraphQL\'s own refusal only', async () => {
    const created = await gql<{ createApiToken: { secret: string } }>('mutation { createApiToken(role: ANALYST) { secret } }');
    const analyst = created.data!.createApiToken.secret;
    const res = await gql(IMPORT, { input: { partners: [{ id: 'p-new', name: 'New', type: 'WIZARD', regions: ['XX'] }] } }, analyst);
    const error = onlyError(res, 'BAD_USER_INPUT');
    expect(error.extensions.problems!.map((p) => p.path)).toEqual(['partners[0].type']);
  });
});

describe('a Date literal in the document that is not a real date', () => {
  it.each([
    ['an argument', 'mutation { assignRole(engagementId: "e-claims-copilot", partnerId: "p-quillfield", role: CONTRIBUTOR, from: "2026-02-30") { id } }',
      'from', '2026-02-30'],
    ['an argument of a nested field', '{ engagement(id: "e-claims-copilot") { orchestrator(asOf: "2026-13-01") { id } } }', 'asOf', '2026-13-01'],
    ['a field of an input object', `mutation { importEcosystem(input: { engagements: [{ id: "e-x", name: "x", customer: "c-rheinhafen",
      status: PLANNED, participants: [{ partner: "p-quillfield", role: ORCHESTRATOR, from: "2026-04-31" }] }] }) { engagements } }`,
    'engagements[0].participants[0].from', '2026-04-31'],
    ['a variable\'s default', 'query($d: Date = "2025-02-29") { engagement(id: "e-claims-copilot") { orchestrator(asOf: $d) { id } } }', 'd', '2025-02-29'],
    ['not a string', 'mutation { endParticipation(engagementId: "e-claims-copilot", partnerId: "p-quillfield", to: 20260801) { id } }', 'to', ''],
  ])('in %s is BAD_USER_INPUT with its path', async (_where, document, path, value) => {
    const res = await unchanged(() => gql(document));
    expect(res.status).toBe(400);
    const error = onlyError(res, 'BAD_USER_INPUT');
    expect(error.extensions.problems).toEqual([{ path, message: expect.stringContaining(value) }]);
    expect(error.message).toContain(path);
  });
});

describe('an import moves an item only out of an engagement it lists', () => {
  it('refuses a new engagement that takes m-claims-rules from e-claims-copilot, with its path; nothing changes', async () => {
    expect(await rootCausesOf('o-claims-speed')).toEqual(['m-claims-rules', 'm-lake-ingest']);
    const input = {
      engagements: [phaseTwo([
        { id: 'm-phase2-scope', owner: 'p-quillfield', description: 'Scope agreed', status: 'PENDING' },
        { id: 'm-phase2-rules', owner: 'p-quillfield', description: 'Rules catalogue', status: 'PENDING' },
        { id: 'm-claims-rules', owner: 'p-quillfield', description: 'Claims handling rules signed off', status: 'PENDING' },
      ])],
    };
    const res = await unchanged(() => gql(IMPORT, { input }));
    const error = onlyError(res, 'BAD_USER_INPUT');
    expect(error.extensions.problems).toEqual([{
      path: 'engagements[0].commitments[2].id',
      message: 'commitment "m-claims-rules" belongs to engagement "e-claims-copilot", which this input does not list',
    }]);
    expect(await rootCausesOf('o-claims-speed')).toEqual(['m-claims-rules', 'm-lake-ingest']);
  });

  it('moves it when the input lists e-claims-copilot too', async () => {
    const copilot = sample().engagements!.find((e) => e.id === 'e-claims-copilot')!;
    copilot.commitments = copilot.commitments!.filter((m) => m.id !== 'm-claims-rules');
    const input = {
      engagements: [
        phaseTwo([{ id: 'm-claims-rules', owner: 'p-quillfield', description: 'Claims handling rules signed off', status: 'LATE' }]),
        copilot,
      ],
    };
    const res = await gql(IMPORT, { input });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const homes = await gql<{ engagement: { commitments: Array<{ id: string }> } }>(
      'query($id: ID!) { engagement(id: $id) { commitments { id } } }', { id: 'e-claims-phase2' });
    expect(homes.data!.engagement.commitments.map((m) => m.id)).toEqual(['m-claims-rules']);
    // o-claims-speed still depends on it, now across two engagements.
    const res2 = await gql<{ accountability: { rootCauses: Array<{ commitment: { id: string; engagement: { id: string } } }> } }>(
      ROOT_CAUSES, { id: 'o-claims-speed' });
    expect(res2.data!.accountability.rootCauses.map((r) => `${r.commitment.id}@${r.commitment.engagement.id}`))
      .toEqual(['m-claims-rules@e-claims-phase2', 'm-lake-ingest@e-rh-lakehouse']);
  });
});
