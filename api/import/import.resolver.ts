/** `importEcosystem`: the import file's shape as one mutation, validated whole, all or nothing. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { importEcosystem } from '../../graph/import/index.ts';
import type { EcosystemInput as EcosystemData } from '../../graph/model/index.ts';
import { afterWrite, requireAdmin, type Context } from '../graphql/context.ts';
import { EcosystemInput, ImportResult } from './ecosystem.input.ts';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, { description: 'Upserts everything in the input in one transaction, all or nothing (contract/README.md).' })
  async importEcosystem(@Ctx() ctx: Context, @Arg('input', () => EcosystemInput) input: EcosystemInput) {
    requireAdmin(ctx);
    const counts = await importEcosystem(ctx.graph, toPlainInput(input) as EcosystemData, undefined, ctx.principal);
    afterWrite(ctx);
    return counts;
  }
}

/** type-graphql hands over class instances; the validator reads plain JSON. */
function toPlainInput(input: unknown): unknown {
  return JSON.parse(JSON.stringify(input));
}
