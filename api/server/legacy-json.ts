/**
 * GraphQL over HTTP's two media types differ in their status codes. Under
 * `application/graphql-response+json` a request that fails before it runs (the document
 * does not parse or validate, a variable cannot be coerced, a limit refuses it) is a 4xx.
 * Under the legacy `application/json`, a client may not read the body of a 4xx, so the
 * specification asks for 200 with the errors for every well-formed request.
 *
 * Legacy means: the client names `application/json` in Accept and prefers it (that is
 * also the type Apollo answers in). A client that accepts both, as the web view does
 * (`application/graphql-response+json, application/json`), sends no Accept, or accepts
 * any type with the wildcard keeps the 4xx: since the specification's watershed
 * (2025-01-01) a missing Accept means graphql-response+json, and the wildcard names neither.
 *
 * Requests that are not well-formed (no query, variables that are not an object, a body
 * that is not JSON) keep their 4xx under both media types, as the specification says:
 * api/server/http.ts and Apollo answer most before any plugin runs, and the few Apollo
 * refuses inside its pipeline carry codes outside REQUEST_ERRORS.
 */
import type { ApolloServerPlugin } from '@apollo/server';

const JSON_TYPE = ['application', 'json'] as const;
const GRAPHQL_RESPONSE_TYPE = ['application', 'graphql-response+json'] as const;

/** Codes (as Apollo and the limits plugin raise them, before formatting) of a well-formed request that failed before it ran. */
const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE', 'QUERY_TOO_COMPLEX']);

export function legacyJsonStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      if (!prefersLegacyJson(request.http?.headers.get('accept'))) return;
      let wellFormed = false;
      return {
        async didEncounterErrors({ errors }) {
          wellFormed = errors.every((e) => REQUEST_ERRORS.has(String(e.extensions?.code ?? '')));
        },
        async willSendResponse({ response }) {
          if (wellFormed && response.http.status === 400) response.http.status = 200;
        },
      };
    },
  };
}

interface Match {
  /** 2: type and subtype named, 1: the type with any subtype, 0: the wildcard. */
  specificity: number;
  q: number;
  /** Position of the range in Accept. */
  order: number;
}

/**
 * Whether Accept names application/json and prefers it to graphql-response+json: the
 * ranking of the `negotiator` package Apollo chooses its Content-Type with (quality, then
 * how specific the range, then its position, then the server's order, json first),
 * leaving aside media type parameters other than q.
 */
export function prefersLegacyJson(accept: string | undefined | null): boolean {
  if (!accept) return false;
  const ranges = accept.split(',').map((part, order) => {
    const [range = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const [type = '', subtype = ''] = range.split('/');
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return { type, subtype, q: Number.isFinite(q) ? q : 0, order };
  });
  const match = ([type, subtype]: readonly [string, string]): Match | null => {
    let best: Match | null = null;
    for (const r of ranges) {
      const specificity = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
      if (specificity < 0) continue;
      const candidate = { specificity, q: r.q, order: r.order };
      if (!best || specificity > best.specificity || (specificity === best.specificity && (r.q > best.q || (r.q === best.q && r.order < best.order)))) best = candidate;
    }
    return best;
  };
  const json = match(JSON_TYPE);
  if (!json || json.q <= 0 || json.specificity !== 2) return false;
  const graphqlResponse = match(GRAPHQL_RESPONSE_TYPE);
  if (!graphqlResponse || graphqlResponse.q <= 0) return true;
  // Ties go to json, the server's first offer.
  return json.q !== graphqlResponse.q ? json.q > graphqlResponse.q
    : json.specificity !== graphqlResponse.specificity ? json.specificity > graphqlResponse.specificity
      : json.order <= graphqlResponse.order;
}
