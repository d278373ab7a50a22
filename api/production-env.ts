/**
 * Imported first by the entry point (api/main.ts), before any library: graphql-js reads
 * NODE_ENV once, when it loads, and outside production it checks every failed
 * `instanceof` against other realms' classes (24 ms of a 9,000-conflict answer,
 * measured). A NODE_ENV set by the user stays as it is. Apollo's own defaults that
 * follow NODE_ENV (introspection, stack traces) are set explicitly (graphql/apollo.ts).
 */
process.env.NODE_ENV ??= 'production';
