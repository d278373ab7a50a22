/**
 * The caller's visibility: null for ADMIN and ANALYST, a partner id for a PARTNER token.
 * Every scoped statement takes it as `$scope` and filters in its own WHERE (contract:
 * Access), so counts and pages are right and nothing leaks through them.
 */
export type Scope = string | null;
