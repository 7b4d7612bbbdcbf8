// What codegen.yml loads: the schema `npm start` serves (startDemo builds the same one). The signer
// only signs cursors at run time; the types do not depend on its secret.
import { hmacSigner } from 'pagewise';
import { demoSchema } from './graphql-schema';

/** The demo's GraphQL schema, for GraphQL Code Generator. */
export const schema = demoSchema(hmacSigner('codegen reads types only, never signs'));
