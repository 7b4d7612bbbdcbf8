import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  isInputType,
  isObjectType,
  isInterfaceType,
  Kind,
  typeFromAST,
  valueFromAST,
  type ASTVisitor,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { assertConfig } from '../core/internal';

/** Options of {@link costLimit}. */
export interface CostLimitOptions {
  /** The most an operation may cost; a costlier one is rejected before it runs. */
  readonly maximum: number;
  /**
   * The request's variable values, when the rule is made per request. A variable without a value (and
   * without a default) counts as the worst case: an `Int` is the largest one, so a page size is its
   * field's maximum.
   */
  readonly variables?: Readonly<Record<string, unknown>> | null;
  /** Cost of a field without a cost hint, added to its children's (default 1, graphql-query-complexity's). */
  readonly fieldCost?: number;
}

/** The stable `extensions.code` of an operation rejected by {@link costLimit}. */
export const QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY';

// GraphQL's Int is 32-bit: the largest page size a client can ask for, clamped by the field's maximum.
const WORST_INT = 2 ** 31 - 1;

/**
 * A validation rule rejecting an operation whose cost is above `maximum`, with a GraphQLError whose
 * `extensions` are `{ code: 'QUERY_TOO_COSTLY', cost, maximum }`.
 *
 * The cost is the cost hint's arithmetic (see {@link paginationComplexity}): a field with
 * `extensions.complexity` costs what the hint gives for its arguments and its children's cost (page
 * size × one row's cost), any other field `fieldCost` plus its children's. Every alias and every
 * fragment spread counts; introspection (`__schema`, `__type`, `__typename`) is free.
 */
export function costLimit(options: CostLimitOptions): ValidationRule {
  const { maximum, fieldCost = 1 } = options;
  assertConfig(Number.isFinite(maximum) && maximum >= 0, `costLimit: maximum must be a non-negative number, not ${maximum}`);
  assertConfig(Number.isFinite(fieldCost) && fieldCost >= 0, `costLimit: fieldCost must be a non-negative number, not ${fieldCost}`);
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const cost = operationCost(context, operation, options.variables ?? {}, fieldCost);
      if (cost > maximum) {
        context.reportError(
          new GraphQLError(`The query costs ${cost}, above the maximum of ${maximum}: ask for smaller pages or fewer nested connections.`, {
            nodes: operation,
            extensions: { code: QUERY_TOO_COSTLY, cost, maximum },
          }),
        );
      }
    },
  });
}

type Variables = Readonly<Record<string, unknown>>;

/** The operation's variables as argument values: the given ones, the defaults, else the worst case. */
function variableValues(schema: GraphQLSchema, operation: OperationDefinitionNode, given: Variables): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (Object.hasOwn(given, name)) values[name] = given[name];
    else if (definition.defaultValue && type && isInputType(type)) values[name] = valueFromAST(definition.defaultValue, type);
    else if (type && getNamedType(type).name === 'Int') values[name] = WORST_INT;
  }
  return values;
}

function operationCost(context: ValidationContext, operation: OperationDefinitionNode, given: Variables, fieldCost: number): number {
  const schema = context.getSchema();
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const variables = variableValues(schema, operation, given);
  // A fragment costs the same wherever it is spread (the variables are the operation's), so each is
  // costed once: a document nesting fragments twice per level costs linear time, not exponential.
  const fragments = new Map<string, number>();
  const visiting = new Set<string>();

  const selectionCost = (selections: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) total += fieldNodeCost(selection, parent);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? typeFromAST(schema, selection.typeCondition) : parent;
        if (type && isCompositeType(type)) total += selectionCost(selection.selectionSet, type);
      } else {
        const name = selection.name.value;
        const known = fragments.get(name);
        if (known !== undefined) {
          total += known;
          continue;
        }
        const fragment = context.getFragment(name);
        // A cycle is NoFragmentCyclesRule's to report; here it just stops.
        if (!fragment || visiting.has(name)) continue;
        const type = typeFromAST(schema, fragment.typeCondition);
        if (!type || !isCompositeType(type)) continue;
        visiting.add(name);
        const cost = selectionCost(fragment.selectionSet, type);
        visiting.delete(name);
        fragments.set(name, cost);
        total += cost;
      }
    }
    return total;
  };

  const fieldNodeCost = (node: FieldNode, parent: GraphQLCompositeType): number => {
    if (node.name.value.startsWith('__')) return 0;
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    // An unknown field is FieldsOnCorrectTypeRule's to report.
    if (!field) return 0;
    const type = getNamedType(field.type);
    const childComplexity = node.selectionSet && isCompositeType(type) ? selectionCost(node.selectionSet, type) : 0;
    const hint = field.extensions['complexity'];
    if (typeof hint === 'function') {
      let cost: unknown;
      try {
        cost = hint({ args: argumentValues(field, node, variables), childComplexity, field, node, type });
      } catch {
        // A hint that throws on odd arguments must not fail validation: execution reports them.
        cost = undefined;
      }
      return typeof cost === 'number' && Number.isFinite(cost) ? cost : fieldCost + childComplexity;
    }
    if (typeof hint === 'number' && Number.isFinite(hint)) return hint + childComplexity;
    return fieldCost + childComplexity;
  };

  return selectionCost(operation.selectionSet, root);
}

/** The field's argument values as a resolver would get them; a value that does not coerce is left out. */
function argumentValues(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Variables): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const argument of field.args) {
    const given = node.arguments?.find((candidate) => candidate.name.value === argument.name);
    if (given) {
      // An unset variable with no default and no worst case is an omitted argument.
      if (given.value.kind === Kind.VARIABLE && !Object.hasOwn(variables, given.value.name.value)) continue;
      const value = valueFromAST(given.value, argument.type, variables);
      if (value !== undefined) values[argument.name] = value;
    } else if (argument.defaultValue !== undefined) {
      values[argument.name] = argument.defaultValue;
    }
  }
  return values;
}
