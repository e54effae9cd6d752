// Loads the schema the way GraphQL tools do: graphql-js's full introspection query (or the shape GraphiQL or Apollo
// sends), then buildClientSchema. Prints JSON: { status, errors, buildError, sdl, expected }, where sdl is the loaded
// schema and expected the given SDL file, both printed by graphql-js in its canonical form (types and fields sorted),
// so that they are equal exactly when the two schemas are the same, descriptions and deprecations included.
// Usage: node introspection.mjs <graphql url> <graphql-js|graphiql|apollo> <schema.graphql>
import { readFileSync } from 'node:fs';
import { GraphQLSchema, buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';

const [url, client, sdlFile] = process.argv.slice(2);
if (!url || !client || !sdlFile) {
  console.error('usage: node introspection.mjs <graphql url> <graphql-js|graphiql|apollo> <schema.graphql>');
  process.exit(2);
}

const canonical = (schema) => printSchema(lexicographicSortSchema(schema));

// What each tool asks for. GraphiQL 5 and graphql-codegen ask for every option graphql-js 16 has;
// Apollo's tools (Sandbox, rover, the VS Code extension) send graphql-js's defaults plus descriptions.
const options = {
  'graphql-js': { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true },
  graphiql: { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true },
  apollo: { descriptions: true },
}[client];
if (!options) {
  console.error(`unknown client ${client}`);
  process.exit(2);
}

const query = getIntrospectionQuery(options);
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query, operationName: 'IntrospectionQuery' }),
});
const body = await response.json();
let sdl = null;
let buildError = null;
if (body.data) {
  try {
    sdl = canonical(buildClientSchema(body.data));
  } catch (error) {
    buildError = String(error);
  }
}
// A tool that does not ask for the schema's description cannot see it; everything else must match.
const fromFile = buildSchema(readFileSync(sdlFile, 'utf8'));
const expected = canonical(options.schemaDescription ? fromFile : new GraphQLSchema({ ...fromFile.toConfig(), description: undefined }));
console.log(JSON.stringify({ status: response.status, errors: body.errors ?? null, buildError, sdl, expected }));
