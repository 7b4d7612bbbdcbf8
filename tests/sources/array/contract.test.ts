// The contract suite over the reference source itself and its batch form, with NULLs sorted first
// (as SQLite and MariaDB sort them) and last (as PostgreSQL does), so the suite's own walking and
// exactly-once checks are proven against the reference.
import { arrayBatchSource, arraySource } from 'pagewise/array';
import { CONTRACT_FIELDS, CONTRACT_ROWS, describeSourceContract } from 'pagewise/testing';

describe.each(['first', 'last'] as const)('NULLs %s', (nulls) => {
  describeSourceContract(
    `array source (NULLs ${nulls})`,
    (dataset, options) =>
      Promise.resolve(
        arraySource(dataset.rows, {
          uniqueKey: 'id',
          fields: CONTRACT_FIELDS,
          nulls,
          ordering: options.ordering?.length ? options.ordering : ['id'],
        }),
      ),
    {
      batch: (options) =>
        Promise.resolve(
          arrayBatchSource(CONTRACT_ROWS, {
            key: 'parent',
            uniqueKey: 'id',
            fields: CONTRACT_FIELDS,
            nulls,
            ordering: options.ordering?.length ? options.ordering : ['id'],
          }),
        ),
    },
  );
});
