import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { decodeState, DEFAULT_COVERAGE, encodeState, joinId, placeProblems, problemsOf, toScenarioInput, type GapsState, type JoinDraft } from './scenario-model.ts';

const dykstra: JoinDraft = {
  id: 'p-new-dykstra-crm-partners', name: 'Dykstra CRM Partners', type: 'AI_NATIVE', regions: ['NL', 'DE'], industries: [],
  capabilities: [{ capability: 'crm', level: 4 }, { capability: 'genai', level: 3 }],
};
const whatIf: GapsState = {
  whatIf: true, coverage: DEFAULT_COVERAGE,
  scenario: { exits: ['p-brightwater', 'p-hoshimi'], joins: [dykstra], handovers: [{ engagementId: 'e-123', partnerId: dykstra.id, from: '2026-12-05' }] },
};

describe('a scenario in the address', () => {
  it('keeps the mode, the exits, the joins and the handovers, and reads them back', () => {
    const state = encodeState(whatIf);
    expect(state.whatif).toBe('1');
    expect(state.exits).toBe('p-brightwater,p-hoshimi');
    expect(JSON.parse(state.joins!)).toEqual([{ id: dykstra.id, name: dykstra.name, type: 'AI_NATIVE', regions: ['NL', 'DE'], capabilities: dykstra.capabilities }]);
    expect(decodeState(state)).toEqual({ value: whatIf, unreadable: [] });
  });

  it('leaves defaults out, and keeps coverage options that are not', () => {
    expect(encodeState({ whatIf: false, coverage: DEFAULT_COVERAGE, scenario: whatIf.scenario })).toEqual({});
    const state = encodeState({ ...whatIf, coverage: { byIndustry: true, minLevel: 2, thinRatio: 4 }, scenario: { exits: [], joins: [], handovers: [] } });
    expect(state).toEqual({ industry: '1', minLevel: '2', thin: '4', whatif: '1' });
    expect(decodeState(state).value.coverage).toEqual({ byIndustry: true, minLevel: 2, thinRatio: 4 });
  });

  it('writes ids with commas as JSON, and a level not typed as null', () => {
    const odd = encodeState({ ...whatIf, scenario: { exits: ['p,1', 'p-2'], joins: [{ ...dykstra, capabilities: [{ capability: 'crm', level: Number.NaN }] }], handovers: [] } });
    expect(odd.exits).toBe('["p,1","p-2"]');
    const back = decodeState(odd).value.scenario;
    expect(back.exits).toEqual(['p,1', 'p-2']);
    expect(back.joins[0]!.capabilities[0]!.level).toBeNaN();
  });

  it('names what it cannot read and keeps the rest', () => {
    const { value, unreadable } = decodeState({ whatif: '1', exits: 'p-a', joins: '[{"name":', handovers: '[{"engagementId":"e-1","partnerId":"p-b","from":"2026-12-05"}, 3]', minLevel: '9' });
    expect(unreadable).toEqual(['joins', 'handovers']);
    expect(value.scenario).toEqual({ exits: ['p-a'], joins: [], handovers: [{ engagementId: 'e-1', partnerId: 'p-b', from: '2026-12-05' }] });
    expect(value.coverage.minLevel).toBe(3);
    // A type the contract does not have is left for the person to choose.
    expect(decodeState({ joins: JSON.stringify([{ ...dykstra, type: 'ROBOT' }]) }).value.scenario.joins[0]!.type).toBe('');
  });
});

describe('the scenario as the API takes it', () => {
  it('sends what was typed, industries only when there are some', () => {
    expect(toScenarioInput(whatIf.scenario)).toEqual({
      exits: ['p-brightwater', 'p-hoshimi'],
      joins: [{ id: dykstra.id, name: dykstra.name, type: 'AI_NATIVE', regions: ['NL', 'DE'], capabilities: dykstra.capabilities }],
      handovers: whatIf.scenario.handovers,
    });
    expect(toScenarioInput({ exits: [], joins: [{ ...dykstra, industries: ['FSI'] }], handovers: [] }).joins![0]!.industries).toEqual(['FSI']);
  });

  it('makes a joining partner\'s id from its name', () => {
    expect(joinId('Dykstra CRM Partners')).toBe('p-new-dykstra-crm-partners');
    expect(joinId('  Ærø & Søn — Café ')).toBe('p-new-r-s-n-cafe');
    expect(joinId('  ')).toBe('');
  });
});

describe('problems', () => {
  it('are read from the error, or from a message naming one', () => {
    const many = Object.assign(new ApiError('Invalid input: 2 problems', 'BAD_USER_INPUT', 200), {
      problems: [{ path: 'joins[0].capabilities[1].level', message: 'level must be between 1 and 5, got 7' }, { path: 'exits[0]', message: 'unknown partner "x"' }],
    });
    expect(problemsOf(many).map((p) => p.path)).toEqual(['joins[0].capabilities[1].level', 'exits[0]']);
    expect(problemsOf(new ApiError('Invalid input: joins[0].capabilities[1].level: level must be between 1 and 5, got 7', 'BAD_USER_INPUT', 200)))
      .toEqual([{ path: 'joins[0].capabilities[1].level', message: 'level must be between 1 and 5, got 7' }]);
    expect(problemsOf(new ApiError('Variable "$input" got invalid value "" at "input.joins[0].type"; Value "" does not exist in "PartnerType" enum.', 'BAD_USER_INPUT', 200)))
      .toEqual([{ path: 'joins[0].type', message: 'Value "" does not exist in "PartnerType" enum.' }]);
    expect(problemsOf(new ApiError('Invalid input: 3 problems', 'BAD_USER_INPUT', 200))).toEqual([]);
    expect(problemsOf(new ApiError('no', 'FORBIDDEN', 200))).toEqual([]);
  });

  it('go to the most specific field their path starts with; the rest are returned', () => {
    const fields = ['exits', 'joins[0]', 'joins[0].regions', 'joins[0].capabilities[1]', 'joins[0].capabilities[1].level', 'joins[1].id', 'handovers[0].from'];
    const { placed, rest } = placeProblems([
      { path: 'joins[0].capabilities[1].level', message: 'got 7' },
      { path: 'joins[0].regions[2]', message: 'unknown region "XX"' },
      { path: 'joins[0].status', message: 'a joining partner is ACTIVE' },
      { path: 'exits[1]', message: 'unknown partner "p-ghost"' },
      { path: 'exits[3]', message: 'unknown partner "p-other"' },
      { path: 'joins[10].id', message: 'not joins[1]' },
      { path: 'coverage.minLevel', message: 'between 1 and 5' },
    ], fields);
    expect(Object.fromEntries(placed)).toEqual({
      'joins[0].capabilities[1].level': ['got 7'],
      'joins[0].regions': ['unknown region "XX"'],
      'joins[0]': ['a joining partner is ACTIVE'],
      exits: ['unknown partner "p-ghost"', 'unknown partner "p-other"'],
    });
    expect(rest.map((p) => p.path)).toEqual(['joins[10].id', 'coverage.minLevel']);
  });
});
