// Parents and children for the batched MikroORM tests: a child belongs to a parent (many-to-one), as
// an article to its author.
import { EntitySchema } from '@mikro-orm/core';

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
}

export const BatchParentEntity = new EntitySchema<BatchParent>({
  name: 'BatchParent',
  tableName: 'batch_parent',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    name: { type: 'string', length: 32 },
  },
});

export const BatchChildEntity = new EntitySchema<BatchChild>({
  name: 'BatchChild',
  tableName: 'batch_child',
  indexes: [{ properties: ['parent', 'created', 'id'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    parent: { kind: 'm:1', entity: () => BatchParentEntity },
    title: { type: 'string', length: 8 },
    score: { type: 'integer', nullable: true },
    created: { type: 'datetime' },
  },
});
