/**
 * Map projections that read only what the caller will use. A read names, for each key
 * of its row, the Cypher expression that computes it and the field of the API that
 * needs it; given the fields an operation selects, only those keys are read. Reading a
 * property is a store access per row, and every key travels through the driver and is
 * decoded: on a nested list of 700 participations, the unselected keys of the
 * engagements were a third of the statement and half of the decoding.
 *
 * Expressions are constants of the code, never input: the text of a statement varies
 * only with which of them are chosen.
 */
import { Lru } from './lru.ts';

/** The fields wanted of a type; null: all of them (the caller does not know). */
export type Fields = ReadonlySet<string> | null;

/** One key of a row: its name, its expression, and the field that needs it (default: the key itself). */
export type Prop = readonly [key: string, expression: string, field?: string];

/**
 * A Cypher map of the props whose field is wanted, plus the keys in `always` (ids, sort
 * keys), in the order of `props`.
 */
export function mapProjection(props: readonly Prop[], fields: Fields, always: readonly string[] = []): string {
  return `{${chosenProps(props, fields, always).map(([key, expression]) => `${key}: ${expression}`).join(', ')}}`;
}

function chosenProps(props: readonly Prop[], fields: Fields, always: readonly string[]): Prop[] {
  return props.filter(([key, , field]) => fields === null || always.includes(key) || fields.has(field ?? key));
}

/**
 * The same choice as mapProjection, as a Cypher list of the values, with the keys in
 * the same order for `fromList`. For lists of thousands of rows: a map sends and decodes
 * its keys with every row, a list names them once here. Measured on 9,000 deal
 * conflicts: 350 ms with maps, 150 ms with lists (statement and decoding).
 */
export function listProjection(props: readonly Prop[], fields: Fields, always: readonly string[] = []): { list: string; keys: string[] } {
  const chosen = chosenProps(props, fields, always);
  return { list: `[${chosen.map(([, expression]) => expression).join(', ')}]`, keys: chosen.map(([key]) => key) };
}

/** The row a listProjection's values stand for. */
export function fromList<Row>(keys: readonly string[], values: readonly unknown[]): Row {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) row[keys[i]!] = values[i];
  return row as Row;
}

/** A stable name for a choice of fields, for keeping one statement text per choice. */
export function fieldsKey(fields: Fields): string {
  return fields === null ? '*' : [...fields].sort().join(',');
}

/**
 * Kept statement texts. Bounded: every choice of fields is a shape, and a client that
 * asked for every subset of a type's fields would otherwise grow it without end.
 */
const statements = new Lru<string>(2_000);

/**
 * The statement text of one shape (`key`: unique across the code, e.g. "partners page …"),
 * built the first time it is asked for: a request pays a map lookup, not the building.
 * There are few shapes (one per choice of fields and options actually asked).
 */
export function statementFor(key: string, build: () => string): string {
  let text = statements.get(key);
  if (text === undefined) {
    text = build();
    statements.set(key, text);
  }
  return text;
}
