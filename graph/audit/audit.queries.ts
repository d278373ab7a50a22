/**
 * The audit trail: one AuditEntry per successful write, created in the write's own
 * transaction (so an acknowledged write always has its entry, and a refused one none).
 * Nothing in the API updates or deletes entries.
 */

export const RECORD_AUDIT = `
CREATE (:AuditEntry {
  id: $id, at: datetime(), tokenId: $tokenId, role: $role, partnerId: $partnerId,
  operation: $operation, ids: $ids, idCount: $idCount, source: $source
})`;

export interface AuditRow {
  id: string; at: string; tokenId: string; role: string; partnerId: string | null;
  operation: string; ids: string[]; idCount: number; source: string | null;
}

const AUDIT_FILTER = `
    ($operations IS NULL OR a.operation IN $operations)
    AND ($tokenId IS NULL OR a.tokenId = $tokenId)
    AND ($since IS NULL OR a.at >= datetime($since))
    AND ($until IS NULL OR a.at < datetime($until))`;

/** Newest first (at, then id, both descending); `$after` is [at, id] of the last row seen. */
export const AUDIT_PAGE = `
CALL () { MATCH (a:AuditEntry) WHERE` + AUDIT_FILTER + ` RETURN count(a) AS totalCount }
CALL () {
  MATCH (a:AuditEntry)
  WHERE ($after IS NULL OR a.at < datetime($after[0]) OR (a.at = datetime($after[0]) AND a.id < $after[1])) AND` + AUDIT_FILTER + `
  WITH a ORDER BY a.at DESC, a.id DESC LIMIT $limit
  RETURN collect(a{.id, at: toString(a.at), .tokenId, .role, .partnerId, .operation, .ids, .idCount, .source}) AS page
}
RETURN totalCount, page`;
