// The contract suite over the reference source itself, with NULLs sorted first as SQLite and MariaDB
// sort them, so the suite's own walking and exactly-once checks are proven against the reference.
import { arraySource } from 'pagewise/array';
import { CONTRACT_FIELDS, describeSourceContract } from '../../support/source-contract';

describeSourceContract('array source (NULLs first)', (dataset, options) =>
  Promise.resolve(
    arraySource(dataset.rows, {
      uniqueKey: 'id',
      fields: CONTRACT_FIELDS,
      nulls: 'first',
      ordering: options.ordering?.length ? options.ordering : ['id'],
    }),
  ),
);
