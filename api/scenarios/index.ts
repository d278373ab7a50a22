/**
 * Scenarios, GraphQL side: `scenario`, the ecosystem as if partners left, joined or
 * took over orchestration, with nothing written. The area's only door: nothing outside
 * api/scenarios/ imports its other files.
 */
import { ScenarioResolver } from './scenario.resolver.ts';

export const scenariosResolvers = [ScenarioResolver] as const;
