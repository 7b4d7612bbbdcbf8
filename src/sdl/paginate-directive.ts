import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  assertValidSchema,
  defaultFieldResolver,
  getNamedType,
  GraphQLNonNull,
  GraphQLScalarType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type FieldDefinitionNode,
  type GraphQLFieldConfig,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { PaginationConfigError } from '../core/internal';
import { connectionField, offsetListField, PageNumberScalar, paginationArgs } from '../graphql';
import { fieldError, planField, type FieldPlan, type PaginateDefaults } from './field-plan';
import { toPageSource, type ArraySourceFactory, type ToSource } from './to-page-source';
import { directiveEnumNames, paginateDirectiveTypeDefs, sharedTypeNames } from './type-defs';

/** Options of {@link paginateDirective}. */
export interface PaginateDirectiveOptions {
  /** The directive's name in the SDL (default `paginate`). */
  readonly directiveName?: string;
  /** Defaults of every paginated field; the directive's arguments win. */
  readonly defaults?: PaginateDefaults;
  /** Makes a PageSource of a resolver's array: pass `arraySource` from `pagewise/array`. */
  readonly arraySource?: ArraySourceFactory;
  /** Makes a PageSource of any other value a resolver returns (a MikroORM QueryBuilder, ...). */
  readonly toSource?: ToSource;
}

/** The directive as graphql-tools pairs it: its SDL and the schema transformer. */
export interface PaginateDirective {
  /** The SDL to include: the directive under its name, its enums, `PageInfo` and `PageNumber`. */
  readonly typeDefs: string;
  /** Turns every `@paginate` list field into a paginated field; throws PaginationConfigError on misuse. */
  readonly transformer: (schema: GraphQLSchema) => GraphQLSchema;
}

type FieldConfig = GraphQLFieldConfig<unknown, unknown>;

// The SDL can only declare the PageNumber scalar; its parsing is pagewise's.
const parsers = {
  serialize: PageNumberScalar.serialize,
  parseValue: PageNumberScalar.parseValue,
  parseLiteral: PageNumberScalar.parseLiteral,
};

function withoutDirective(node: FieldDefinitionNode | null | undefined, name: string): FieldDefinitionNode | null | undefined {
  return node && { ...node, directives: node.directives?.filter((directive) => directive.name.value !== name) };
}

function readArgs(schema: GraphQLSchema, field: FieldConfig, name: string, coordinate: string): Record<string, unknown> | undefined {
  try {
    return getDirective(schema, field, name)?.[0];
  } catch (error) {
    // graphql-js coerces the arguments here; its message ("Argument "style" has invalid value FOO.")
    // does not say where, so the field is added.
    throw fieldError(name, coordinate, error instanceof Error ? error.message : String(error));
  }
}

function paginatedField(
  field: FieldConfig,
  plan: FieldPlan,
  withResolver: boolean,
  name: string,
  options: PaginateDirectiveOptions,
): FieldConfig {
  const build = plan.shape === 'connection' ? connectionField : offsetListField;
  const resolve = field.resolve ?? defaultFieldResolver;
  const built = build<unknown, unknown, unknown>({
    node: plan.node,
    pagination: plan.pagination,
    directions: plan.directions,
    onOversize: plan.onOversize,
    sliceOrdering: plan.sliceOrdering,
    count: plan.count,
    args: field.args,
    description: field.description ?? undefined,
    deprecationReason: field.deprecationReason ?? undefined,
    source: async (parent, passed, context, info) => {
      // graphql-js passes the field's arguments as a plain object.
      const args = passed as Readonly<Record<string, unknown>>;
      // Not awaited here: a query builder is a thenable that runs its query when awaited; toSource
      // must see it first.
      const value: unknown = resolve(parent, args, context, info);
      const origin = { coordinate: plan.coordinate, node: plan.node.name, parent, args, context, info };
      const source = await toPageSource(value, origin, { directive: name, toSource: options.toSource, arraySource: options.arraySource });
      return source;
    },
  });
  const added = paginationArgs(plan.pagination, { directions: plan.directions });
  const clash = Object.keys(field.args ?? {}).find((arg) => Object.hasOwn(added, arg));
  if (clash) throw fieldError(name, plan.coordinate, `the argument "${clash}" clashes with an argument the pagination adds`);
  return {
    ...field,
    type: plan.nonNull ? new GraphQLNonNull(built.type) : built.type,
    args: built.args,
    resolve: withResolver ? built.resolve : field.resolve,
    extensions: { ...field.extensions, ...built.extensions },
    astNode: withoutDirective(field.astNode, name),
  };
}

/** Names of the types something in `schema` references, apart from `directive`'s arguments. */
function referencedTypeNames(schema: GraphQLSchema, directive: string): Set<string> {
  const names = new Set<string>();
  const add = (type: GraphQLType) => names.add(getNamedType(type).name);
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(field.type);
        for (const arg of field.args) add(arg.type);
      }
      for (const inner of type.getInterfaces()) names.add(inner.name);
    } else if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) add(field.type);
    else if (isUnionType(type)) for (const member of type.getTypes()) names.add(member.name);
  }
  for (const other of schema.getDirectives()) {
    if (other.name !== directive) for (const arg of other.args) add(arg.type);
  }
  return names;
}

/**
 * The `@paginate` directive (its name configurable): SDL plus a transformer on graphql-tools'
 * `mapSchema`. A field `articles(filter: ArticleFilter): [Article!]! @paginate(style: CURSOR)` becomes
 * `articles(first, after, last, before, filter): ArticleConnection!` (or `ArticlePage!` with
 * `shape: OFFSET_LIST`), the connection types made once per node type; the field's own resolver
 * returns an array, a PageSource, or what `toSource` converts, and the transformer paginates it.
 * The directive, its enums and unused shared types are removed from the result, which is validated.
 */
export function paginateDirective(options: PaginateDirectiveOptions = {}): PaginateDirective {
  const name = options.directiveName ?? 'paginate';
  const defaults = options.defaults ?? {};
  return {
    typeDefs: paginateDirectiveTypeDefs(name),
    transformer: (schema) => {
      if (!schema.getDirective(name)) {
        throw new PaginationConfigError('INVALID_OPTIONS', `The schema lacks the @${name} directive: include the directive's typeDefs`);
      }
      const paginated = mapSchema(schema, {
        [MapperKind.SCALAR_TYPE]: (type) =>
          type.name === PageNumberScalar.name
            ? new GraphQLScalarType({ ...PageNumberScalar.toConfig(), ...type.toConfig(), ...parsers })
            : type,
        [MapperKind.COMPOSITE_FIELD]: (field, fieldName, typeName, original) => {
          const coordinate = `${typeName}.${fieldName}`;
          const args = readArgs(original, field, name, coordinate);
          if (!args) return field;
          const plan = planField(name, coordinate, field.type, args, defaults);
          return paginatedField(field, plan, isObjectType(original.getType(typeName)), name, options);
        },
      });
      const used = referencedTypeNames(paginated, name);
      const removable = new Set<string>([...directiveEnumNames, ...sharedTypeNames].filter((type) => !used.has(type)));
      const result = mapSchema(paginated, {
        [MapperKind.TYPE]: (type) => (removable.has(type.name) ? null : type),
        [MapperKind.DIRECTIVE]: (directive) => (directive.name === name ? null : directive),
      });
      assertValidSchema(result);
      return result;
    },
  };
}
