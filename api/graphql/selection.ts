/**
 * What an operation asks for, so the reads compute only that: a page's `totalCount`
 * only when some selection asks for it, a partner's regions only when some selection of
 * a Partner asks for them, the next level of a nested list in the same statement when
 * it is selected (issue 22).
 *
 * The answer is the set of schema coordinates ("Partner.regions",
 * "PartnerConnection.totalCount") selected anywhere in the document, fragments
 * included. It is a summary of the whole document, not of one field: a coordinate
 * selected in one place counts everywhere (reading a little more than one field needs,
 * never less), and @skip/@include are not evaluated (the same). It is computed once
 * per document: Apollo keeps a parsed document per query text, so the WeakMap finds it
 * again on the next request with the same text, and a request pays one lookup.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

/** Selected coordinates; null where nobody worked it out (then everything counts as selected). */
export type Selection = ReadonlySet<string> | null;

const byDocument = new WeakMap<DocumentNode, ReadonlySet<string>>();

export function selectionOf(schema: GraphQLSchema, document: DocumentNode): ReadonlySet<string> {
  let found = byDocument.get(document);
  if (found === undefined) {
    const coordinates = new Set<string>();
    const typeInfo = new TypeInfo(schema);
    visit(document, visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field) coordinates.add(`${parent.name}.${field.name}`);
      },
    }));
    found = coordinates;
    byDocument.set(document, found);
  }
  return found;
}

const byType = new WeakMap<ReadonlySet<string>, Map<string, ReadonlySet<string>>>();

/** The fields of `type` selected anywhere; null (all of them) when the selection is unknown. Kept per selection. */
export function fieldsOf(selection: Selection, type: string): ReadonlySet<string> | null {
  if (selection === null) return null;
  let types = byType.get(selection);
  if (types === undefined) {
    types = new Map();
    byType.set(selection, types);
  }
  let fields = types.get(type);
  if (fields === undefined) {
    const prefix = `${type}.`;
    fields = new Set([...selection].filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length)));
    types.set(type, fields);
  }
  return fields;
}

/** Whether `coordinate` ("Type.field") is selected; true when the selection is unknown. */
export function selects(selection: Selection, coordinate: string): boolean {
  return selection === null || selection.has(coordinate);
}

/** Records the operation's selection in the request's loaders once the operation is known, before any resolver runs. */
export function selectionPlugin<C extends { loaders: { selection: Selection } }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          contextValue.loaders.selection = selectionOf(schema, document);
        },
      };
    },
  };
}
