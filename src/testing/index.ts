// pagewise/testing: the contract suite every PageSource (and BatchPageSource) must pass, for the
// sources of pagewise and for yours. It registers tests with the runner's describe/it/expect.

export { describeBatchSourceContract, describeSourceContract } from './source-contract';
export type { BatchSourceContractOptions, SourceContractOptions } from './source-contract';
export { referenceSource } from './reference';
export type { ContractParentKey, ContractSourceOptions, MakeBatchSource, MakeSource } from './reference';
export { CONTRACT_DATASETS, CONTRACT_FIELDS, CONTRACT_ROWS } from './contract-data';
export type { ContractDataset, ContractRow } from './contract-data';
export type { ContractTestApi } from './test-api';
