import './matchers.js';

export { describeContract } from './describe-contract.js';
export { openContract } from './contract.js';

export type { Contract, ContractClient } from './contract.js';
export type { ContractOptions } from './options.js';
export type { ErrorFormatName } from './matchers.js';
