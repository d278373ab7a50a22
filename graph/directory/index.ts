/**
 * The directory (contract: partners, customers, regions, industries, capabilities):
 * partners by id and the `partners` page (no scope: every token reads it), customers
 * within the caller's scope.
 *
 * The area's only door: nothing outside graph/directory/ imports its other files.
 */
export { customersByIds } from './customers.ts';
export { partnerPage, partnersByIds } from './partners.ts';
export { customerFields } from './customers.queries.ts';
export type { CustomerRow } from './customers.queries.ts';
export { partnerFields } from './partners.queries.ts';
export type { CapabilityRow, NamedRow, PartnerRow } from './partners.queries.ts';
