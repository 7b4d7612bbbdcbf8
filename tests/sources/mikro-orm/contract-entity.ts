// The contract's rows as a MikroORM entity, declared with explicit types (no reflection).
import { BigIntType, EntitySchema } from '@mikro-orm/core';
import type { ContractRow } from 'pagewise/testing';

/** The table every database contract run fills with all the contract's data sets. */
export const ContractEntity = new EntitySchema<ContractRow>({
  name: 'ContractRow',
  tableName: 'contract_row',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    dataset: { type: 'string', length: 32 },
    parent: { type: 'integer' },
    title: { type: 'string', length: 64 },
    score: { type: 'integer', nullable: true },
    // Milliseconds, as the reference's Dates: its cursors must equal the reference's byte for byte.
    // Finer columns are keyed by the database's text (datetime-precision.test.ts).
    created: { type: 'datetime', length: 3 },
    rank: { type: new BigIntType('bigint') },
    flag: { type: 'boolean' },
  },
  indexes: [{ properties: ['dataset', 'created'] }, { properties: ['parent', 'created'] }],
});

/** A note on a contract row: a relation, which may be populated but never order a page. */
export interface Note {
  id: number;
  body: string;
  row: ContractRow;
}

/** The notes table, for the populate and relation-ordering tests. */
export const NoteEntity = new EntitySchema<Note>({
  name: 'Note',
  tableName: 'note',
  properties: {
    id: { type: 'integer', primary: true },
    body: { type: 'string', length: 64 },
    row: { kind: 'm:1', entity: 'ContractRow' },
  },
});
