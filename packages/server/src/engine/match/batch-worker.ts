import { parentPort, workerData } from 'node:worker_threads';
import { type BatchShard, rankShard } from './batch.js';

/** A worker of the nightly batch (batch.ts): answers its share and hands the arrays back without copying. */
const result = rankShard(workerData as BatchShard);
const buffers = [result.vacancies, result.candidates].flatMap((lists) =>
  [lists.at, lists.queries, lists.counts, lists.ids, lists.scores].map(
    (array) => array.buffer as ArrayBuffer,
  ),
);
parentPort!.postMessage(result, buffers);
