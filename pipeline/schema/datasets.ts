import type { DatasetName, DatasetSpec } from './column.ts';
import { communities } from './communities.ts';
import { facilities } from './facilities.ts';
import { funding } from './funding.ts';
import { staff } from './staff.ts';
import { wages } from './wages.ts';

/** Every inbox dataset, in the order they are ingested (communities first: others may refer to it). */
export const DATASETS: readonly DatasetSpec[] = [communities, facilities, staff, funding, wages];

/** The spec of a dataset folder name, or undefined for a folder that is not a dataset. */
export function datasetSpec(name: string): DatasetSpec | undefined {
  return DATASETS.find((d) => d.name === (name as DatasetName));
}
