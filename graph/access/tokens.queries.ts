/** API tokens: only a hash of each secret is stored (contract: Access). */

export const CREATE_TOKEN = `
CREATE (t:ApiToken {id: $id, hash: $hash, role: $role, partnerId: $partnerId, label: $label, createdAt: datetime()})
RETURN t.id AS id`;

export const FIND_ACTIVE_TOKEN = `
MATCH (t:ApiToken {hash: $hash})
WHERE t.revokedAt IS NULL
RETURN t.id AS id, t.role AS role, t.partnerId AS partnerId, t.label AS label`;

/** Revoking a token ends its browser sessions in the same transaction (sessions.queries.ts). */
export const REVOKE_TOKEN = `
MATCH (t:ApiToken {id: $id})
WHERE t.revokedAt IS NULL
SET t.revokedAt = datetime()
WITH t
OPTIONAL MATCH (s:BrowserSession)-[:SESSION_OF]->(t)
WITH t, collect(s) AS sessions
FOREACH (s IN sessions | DETACH DELETE s)
RETURN t.hash AS hash`;

export const COUNT_ACTIVE_ADMIN_TOKENS = `
MATCH (t:ApiToken {role: 'ADMIN'})
WHERE t.revokedAt IS NULL
RETURN count(t) AS n`;

export const PARTNER_EXISTS = `
RETURN EXISTS { MATCH (:Partner {id: $id}) } AS exists`;
