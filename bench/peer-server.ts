/**
 * The peer of issue 22 (a yardstick, not product code): the Neo4j GraphQL Library
 * (@neo4j/graphql 7), which compiles a whole GraphQL query into one Cypher statement,
 * served the way its documentation deploys it: `new Neo4jGraphQL({ typeDefs, driver })`,
 * its schema in an ApolloServer, `startStandaloneServer` with `context: ({ req }) => ({ req })`.
 * Over the same database as the API, with the type definitions of bench/peer-typedefs.ts
 * (read-only: no mutations are generated). No authentication, no limits: it answers
 * anyone, so it listens on 127.0.0.1 only. Source-mapped stack traces are off, as in
 * the API (api/main.ts) and the floor server, since the driver formats a stack per statement.
 *
 *   NEO4J_URI=bolt://… PORT=0 node --import tsx bench/peer-server.ts   (prints `listening <port>`)
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { PEER_TYPEDEFS } from './peer-typedefs.ts';

process.setSourceMapsEnabled(false);

// As the library's documentation creates it (the bench servers have no authentication).
const driver = neo4j.driver(process.env.NEO4J_URI ?? '');
const neoSchema = new Neo4jGraphQL({ typeDefs: PEER_TYPEDEFS, driver });
const server = new ApolloServer({ schema: await neoSchema.getSchema() });
const { url } = await startStandaloneServer(server, {
  context: async ({ req }) => ({ req }),
  listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' },
});
process.stdout.write(`listening ${new URL(url).port}\n`);
process.on('SIGTERM', () => void server.stop().then(() => driver.close()).then(() => process.exit(0)));
