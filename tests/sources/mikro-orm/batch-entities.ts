// Parents and children for the batched MikroORM tests: a child belongs to a parent (many-to-one), as
// an article to its author; children have tags (a collection a filter may join) and a default
// filter that hides children titled `hidden`.
import { EntitySchema, type Collection } from '@mikro-orm/core';

/** A parent row. */
export interface BatchParent {
  id: number;
  name: string;
}

/** A child row; `parent` is the relation the batch partitions by. */
export interface BatchChild {
  id: number;
  parent: BatchParent;
  title: string;
  score: number | null;
  created: Date;
  tags: Collection<BatchTag>;
}

/** A tag of a child. */
export interface BatchTag {
  id: number;
  child: BatchChild;
  name: string;
}

export const BatchParentEntity = new EntitySchema<BatchParent>({
  name: 'BatchParent',
  tableName: 'batch_parent',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    name: { type: 'string', length: 32 },
  },
});

export const BatchChildEntity: EntitySchema<BatchChild> = new EntitySchema<BatchChild>({
  name: 'BatchChild',
  tableName: 'batch_child',
  indexes: [{ properties: ['parent', 'created', 'id'] }],
  filters: { visible: { name: 'visible', cond: { title: { $ne: 'hidden' } }, default: true } },
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    parent: { kind: 'm:1', entity: () => BatchParentEntity },
    title: { type: 'string', length: 8 },
    score: { type: 'integer', nullable: true },
    created: { type: 'datetime' },
    tags: { kind: '1:m', entity: () => BatchTagEntity, mappedBy: 'child' },
  },
});

export const BatchTagEntity: EntitySchema<BatchTag> = new EntitySchema<BatchTag>({
  name: 'BatchTag',
  tableName: 'batch_tag',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    child: { kind: 'm:1', entity: () => BatchChildEntity },
    name: { type: 'string', length: 8 },
  },
});
