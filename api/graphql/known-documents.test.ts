/**
 * The lean path for known queries (api/graphql/known-documents.ts), over HTTP as clients
 * use it: from the third time a query text is asked (its second success teaches it), it
 * is answered without Apollo, with the same status, content type and bytes; whatever
 * Apollo would refuse or answer with errors is still Apollo's, and mutations always are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateEcosystem } from '../../seeds/generate.ts';
import { ADMIN, useTestApp } from '../../tests/support/api.ts';
import { makeTokens } from '../../tests/support/tokens.ts';

const t = useTestApp(() => generateEcosystem({ partners: 30, engagements: 120, seed: 11 }));

interface Answer { status: number; type: string | null; body: string }

async function post(body: unknown, accept: string, token = ADMIN): Promise<Answer> {
  const res = await fetch(`${t.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

/** Asks `body` `times` times; returns the answers and how many the lean path gave. */
async function ask(body: unknown, times: number, accept = 'application/json', token = ADMIN): Promise<{ answers: Answer[]; lean: number }> {
  const before = t.app.known.answered;
  const answers: Answer[] = [];
  for (let i = 0; i < times; i++) answers.push(await post(body, accept, token));
  return { answers, lean: t.app.known.answered - before };
}

let partnerId: string;
let engagementId: string;
let outsider: string;

beforeAll(async () => {
  [{ id: partnerId }] = await t.graph.read<{ id: string }>('MATCH (p:Partner)-[:OPERATES_IN]->() RETURN p.id AS id ORDER BY id LIMIT 1');
  // An engagement, and a partner that never held a role in it (its token does not see it).
  [{ engagementId, outsider }] = await t.graph.read<{ engagementId: string; outsider: string }>(`
    MATCH (e:Engagement), (p:Partner) WHERE NOT (p)-[:PARTICIPATES_IN]->(e)
    RETURN e.id AS engagementId, p.id AS outsider ORDER BY engagementId, outsider LIMIT 1`);
});

const PARTNER = 'query P($id: ID!) { partner(id: $id) { id name regions { code } participations(first: 3) { totalCount edges { node { role from } } } } }';

describe('a query asked again', () => {
  it('is answered without Apollo from its third time, with the same status, content type and bytes', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const body = { query: PARTNER, variables: { id: partnerId } };
      const { answers, lean } = await ask(body, 5, accept);
      expect(lean).toBe(3);
      expect(answers[0]!.status).toBe(200);
      expect(answers[0]!.type).toBe(`${accept}; charset=utf-8`);
      expect(JSON.parse(answers[0]!.body).data.partner.id).toBe(partnerId);
      for (const answer of answers) expect(answer).toEqual(answers[0]);
    }
  });

  it('answers each token within its own scope', async () => {
    const query = 'query E($id: ID!) { engagement(id: $id) { id name } }';
    const { answers, lean } = await ask({ query, variables: { id: engagementId } }, 3);
    expect(lean).toBe(1);
    expect(JSON.parse(answers[2]!.body).data.engagement.id).toBe(engagementId);
    const token = (await makeTokens(t.graph, [outsider])).partner[outsider]!;
    const scoped = await ask({ query, variables: { id: engagementId } }, 1, 'application/json', token);
    expect(scoped.lean).toBe(1);
    expect(JSON.parse(scoped.answers[0]!.body)).toEqual({ data: { engagement: null } });
  });

  it('leaves to Apollo what it refuses, answers with errors, and every mutation', async () => {
    const query = 'query Q($id: ID!, $first: Int) { partner(id: $id) { id participations(first: $first) { edges { node { role } } } } }';
    expect((await ask({ query, variables: { id: partnerId, first: 2 } }, 3)).lean).toBe(1);
    // Over the limit on `first`, and a variable of the wrong type: the same answers as a text never seen.
    for (const variables of [{ id: partnerId, first: 1000 }, { id: partnerId, first: 'two' }]) {
      const known = await ask({ query, variables }, 2);
      const fresh = await ask({ query: `${query} `, variables }, 1);
      expect(known.lean).toBe(0);
      expect(JSON.parse(known.answers[0]!.body).errors.length).toBeGreaterThan(0);
      expect(known.answers[0]).toEqual(fresh.answers[0]);
      expect(known.answers[1]).toEqual(fresh.answers[0]);
    }
    const [{ id: outcomeId, status }] = await t.graph.read<{ id: string; status: string }>('MATCH (o:Outcome) RETURN o.id AS id, o.status AS status ORDER BY id LIMIT 1');
    const mutation = await ask({ query: 'mutation M($id: ID!, $s: OutcomeStatus!) { setOutcomeStatus(id: $id, status: $s) { id status } }', variables: { id: outcomeId, s: status } }, 3);
    expect(mutation.lean).toBe(0);
    for (const answer of mutation.answers) expect(JSON.parse(answer.body)).toEqual({ data: { setOutcomeStatus: { id: outcomeId, status } } });
  });
});
