/**
 * Relay-style pages: opaque cursors that carry the sort key of the last row, so a
 * page is an index seek (keyset), not a SKIP over everything before it.
 */
import { AppError } from './errors.ts';

export interface PageArgs {
  first: number;
  after?: string | null;
  /**
   * Whether the caller reads `totalCount` (default: yes). Counting every match is most
   * of a page's cost on a large graph, and a page asked without it can stop reading at
   * its last row; its `totalCount` is then null.
   */
  withTotal?: boolean;
}

/** What a page statement returns: one row with the total (null when not asked) and the rows of the page (LIMIT first + 1). */
export interface PageRow<T> { totalCount: number | null; page: T[] }

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Null when the page was asked without it (PageArgs.withTotal false). */
  totalCount: number | null;
}

/** A cursor is the base64url JSON of a row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key in `cursor`, which must have `length` parts; BAD_USER_INPUT when it is not ours. */
export function decodeCursor(cursor: string | null | undefined, length: number): unknown[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string')) return key;
  } catch {
    // fall through to the error below
  }
  throw new AppError('BAD_USER_INPUT', 'The "after" cursor is not one this list gave out.', [{ path: 'after', message: 'unknown cursor' }]);
}

/**
 * Turns `rows` fetched with LIMIT first + 1 into a page: the extra row only says that
 * there is a next page.
 */
export function toPage<T>(rows: T[], first: number, totalCount: number | null, keyOf: (row: T) => unknown[]): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
