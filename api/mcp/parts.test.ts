/**
 * The MCP area's parts without a server: the calls-per-second buckets, the input check, the
 * output schemas derived from the tools' documents, and the JSON-RPC envelope check.
 */
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readMessages } from './exchange.ts';
import { inputProblems, outputSchemaOf } from './json-schema.ts';
import { CallLimiter } from './rate.ts';
import { TOOLS } from './tools.ts';

describe('CallLimiter', () => {
  it('lets a token burst, then refills at its rate; tokens do not share buckets', () => {
    let now = 0;
    const limiter = new CallLimiter(2, 4, () => now);
    expect(Array.from({ length: 6 }, () => limiter.take('a'))).toEqual([true, true, true, true, false, false]);
    expect(limiter.take('b')).toBe(true);
    now = 499;
    expect(limiter.take('a')).toBe(false);
    now = 500;
    expect(limiter.take('a')).toBe(true);
    now = 60_000;
    expect(Array.from({ length: 5 }, () => limiter.take('a')).filter(Boolean)).toHaveLength(4);
  });
});

describe('inputProblems', () => {
  const schema = TOOLS.find((t) => t.name === 'scenario')!.input;

  it('names every problem with its path, unknown arguments included', () => {
    expect(inputProblems(schema, {
      exits: 'p1', joins: [{ id: 'p-x', name: '', type: 'ROBOT', capabilities: [{ capability: 'crm', level: 2.5 }] }], handovers: [{}], extra: 1,
    })).toEqual([
      { path: 'exits', message: 'must be a list, got the string "p1"' },
      { path: 'joins[0].name', message: 'must not be empty' },
      { path: 'joins[0].type', message: expect.stringMatching(/^must be one of SYSTEM_INTEGRATOR, ISV, .*AI_NATIVE, got "ROBOT"$/) },
      { path: 'joins[0].capabilities[0].level', message: 'must be a whole number, got 2.5' },
      { path: 'handovers[0].engagementId', message: 'is required' },
      { path: 'handovers[0].partnerId', message: 'is required' },
      { path: 'handovers[0].from', message: 'is required' },
      { path: 'extra', message: 'is not an argument here; expected exits, joins, handovers, includeCovered' },
    ]);
    expect(inputProblems(schema, [])).toEqual([{ path: '(arguments)', message: 'must be an object, got a list' }]);
    expect(inputProblems(schema, { exits: null, joins: [] })).toEqual([]);
  });
});

describe('outputSchemaOf', () => {
  it('follows the selection: nullability, lists, enums, descriptions, aliases', () => {
    const schema = buildSchema(`
      enum Status { A B }
      type Thing { id: ID! "How many." n: Int size: Float! status: Status tags: [String!]! next: Thing }
      type Query { thing(id: ID!): Thing things: [Thing!]! }`);
    const operation = parse('{ thing(id: "x") { id n status other: next { id } } things { size tags } }').definitions[0] as OperationDefinitionNode;
    const thing = { type: 'object', additionalProperties: false };
    expect(outputSchemaOf(schema, operation)).toEqual({
      type: 'object', additionalProperties: false, required: ['thing', 'things'],
      properties: {
        thing: { anyOf: [{
          ...thing, required: ['id', 'n', 'status', 'other'],
          properties: {
            id: { type: 'string' }, n: { type: ['integer', 'null'], description: 'How many.' },
            status: { anyOf: [{ type: 'string', enum: ['A', 'B'] }, { type: 'null' }] },
            other: { anyOf: [{ ...thing, required: ['id'], properties: { id: { type: 'string' } } }, { type: 'null' }] },
          },
        }, { type: 'null' }] },
        things: { type: 'array', items: { ...thing, required: ['size', 'tags'], properties: { size: { type: 'number' }, tags: { type: 'array', items: { type: 'string' } } } } },
      },
    });
  });
});

describe('readMessages', () => {
  const call = (id: number | string) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'x' } });

  it('takes one message or a batch, and refuses what is not JSON-RPC 2.0', () => {
    expect(readMessages(call(1))).toEqual({ batch: false, list: [call(1)] });
    expect(readMessages([call(1), { jsonrpc: '2.0', method: 'notifications/initialized' }])).toMatchObject({ batch: true });
    expect(readMessages({ jsonrpc: '1.0', id: 1, method: 'x' })).toMatch(/not a JSON-RPC 2.0 message/);
    expect(readMessages({ jsonrpc: '2.0', id: { a: 1 }, method: 'x' })).toMatch(/not a JSON-RPC 2.0 message/);
    expect(readMessages({ jsonrpc: '2.0', id: 1, method: 'x', params: [1] })).toMatch(/not a JSON-RPC 2.0 message/);
    expect(readMessages('tools/list')).toMatch(/not a JSON-RPC 2.0 message/);
    expect(readMessages([])).toMatch(/empty batch/);
    expect(readMessages(Array.from({ length: 101 }, (_, i) => call(i)))).toMatch(/at most 100/);
    expect(readMessages([call(1), call(1)])).toMatch(/same id/);
    expect(readMessages([{ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }, call(2)])).toMatch(/initialize must be sent alone/);
  });
});
