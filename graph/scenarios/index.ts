/**
 * Scenarios: the ecosystem as if partners left, joined or took over orchestration from
 * today, answered by the analyses' own statements inside a transaction that is always
 * rolled back, so nothing is ever written.
 *
 * The area's only door: nothing outside graph/scenarios/ imports its other files.
 */
export { scenario } from './scenario.ts';
export type { ScenarioOptions, ScenarioRow } from './scenario.ts';
export type { ScenarioInput } from './validate.ts';
