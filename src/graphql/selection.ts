import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

/** What {@link selectsCount} needs of a resolver's `info`. */
export interface SelectionInfo {
  readonly fieldNodes: readonly FieldNode[];
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  /** The operation's variables, which `@skip(if: $var)` and `@include(if: $var)` read. */
  readonly variableValues?: Readonly<Record<string, unknown>>;
  /** The field's coordinate (`Author.articles`), the default scope of its cursors. */
  readonly parentType?: { readonly name: string };
  readonly fieldName?: string;
}

const COUNT_FIELDS = new Set(['totalCount', 'count']);
const PAGE_INFO_COUNT_FIELDS = new Set(['totalCount', 'totalCountCapped', 'totalCountEstimated', 'totalPages']);

/** graphql-js's own rule (`shouldIncludeNode`): skipped when `@skip(if: true)` or `@include(if: false)`. */
function included(node: FieldNode | FragmentSpreadNode | InlineFragmentNode, info: SelectionInfo): boolean {
  const variables = info.variableValues ?? {};
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] !== false;
}

function* fieldsOf(set: SelectionSetNode | undefined, info: SelectionInfo, seen: Set<string>): Generator<FieldNode> {
  for (const selection of set?.selections ?? []) {
    if (!included(selection, info)) continue;
    if (selection.kind === Kind.FIELD) yield selection;
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* fieldsOf(selection.selectionSet, info, seen);
    else if (!seen.has(selection.name.value)) {
      // A fragment spread twice is read once; cycles are already rejected by validation.
      seen.add(selection.name.value);
      yield* fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, seen);
    }
  }
}

/**
 * Whether the query asks for a count under this field: `totalCount` or `count`, or `totalCount` or
 * `totalPages` of its `pageInfo`, through fragments too, honouring `@skip` and `@include`. Then the
 * count runs alongside the page.
 */
export function selectsCount(info: SelectionInfo): boolean {
  for (const node of info.fieldNodes) {
    for (const field of fieldsOf(node.selectionSet, info, new Set())) {
      const name = field.name.value;
      if (COUNT_FIELDS.has(name)) return true;
      if (name === 'pageInfo') {
        for (const inner of fieldsOf(field.selectionSet, info, new Set())) {
          if (PAGE_INFO_COUNT_FIELDS.has(inner.name.value)) return true;
        }
      }
    }
  }
  return false;
}

/**
 * The fields the query selects on the nodes of a connection or offset list under this field
 * (`nodes`, `edges { node }`, `results` or the list's `resultsField`), through fragments, honouring
 * `@skip` and `@include`: a projection for a source's `fields` option. `__typename` is left out.
 */
export function selectedFields(info: SelectionInfo, options: { readonly resultsField?: string } = {}): string[] {
  const paths = [['nodes'], ['edges', 'node'], [options.resultsField ?? 'results']];
  const names = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, path: readonly string[]): void => {
    for (const field of fieldsOf(set, info, new Set())) {
      if (path.length === 0) {
        if (field.name.value !== '__typename') names.add(field.name.value);
      } else if (field.name.value === path[0]) walk(field.selectionSet, path.slice(1));
    }
  };
  for (const node of info.fieldNodes) for (const path of paths) walk(node.selectionSet, path);
  return [...names];
}
