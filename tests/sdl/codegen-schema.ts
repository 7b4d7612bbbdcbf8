// What codegen.yml loads: the transformed demo schema, generated connection types included.
import { buildDemoSchema } from './demo-schema';

/** The transformed demo schema (no resolvers: codegen reads types only). */
export const schema = buildDemoSchema();
