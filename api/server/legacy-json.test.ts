/**
 * Which Accept headers count as a legacy application/json client (answered 200 with the
 * errors of a well-formed request), as Apollo's negotiation would choose application/json.
 */
import { describe, expect, it } from 'vitest';
import { prefersLegacyJson } from './legacy-json.ts';

describe('prefersLegacyJson', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/json, application/graphql-response+json', // same quality: the first named wins
    'application/graphql-response+json;q=0.5, application/json',
    'application/json, */*;q=0.8',
    'application/json, */*', // the named type is more specific than the wildcard
  ])('%s: legacy', (accept) => expect(prefersLegacyJson(accept)).toBe(true));

  it.each([
    [undefined], [''], ['*/*'], ['application/*'], ['application/graphql-response+json'],
    ['application/graphql-response+json, application/json'], // the web view
    ['application/json;q=0.5, application/graphql-response+json'],
    ['application/json;q=0'], ['text/html'],
  ])('%s: not legacy', (accept) => expect(prefersLegacyJson(accept)).toBe(false));
});
