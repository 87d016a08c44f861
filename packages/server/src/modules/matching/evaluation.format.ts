import {
  MATCH_COMPONENT_LABELS,
  MATCH_COMPONENTS,
  type MatchEvaluation,
  type MatchQuality,
  type MatchWeights,
} from '@ilteo/shared';

const SOURCE_LABELS = {
  synthetic: '생성된 정답 세트 (synthetic labels, docs/matching-evaluation.md)',
  feedback: '기록된 피드백 (recorded relevant / not relevant)',
} as const;

const figure = (x: number) => x.toFixed(3);
const change = (now: number, before: number) => {
  const d = now - before;
  return d === 0 ? '±0' : `${d > 0 ? '+' : ''}${d.toFixed(3)}`;
};

/** The evaluation as markdown tables: one per label set, the proposed weights' change against the saved ones. */
export function formatEvaluation(
  evaluation: MatchEvaluation,
  proposed: MatchWeights,
  saved: MatchWeights,
): string {
  const lines: string[] = [];
  lines.push('| component | saved | proposed |', '| --- | --- | --- |');
  for (const c of MATCH_COMPONENTS) {
    lines.push(`| ${MATCH_COMPONENT_LABELS[c].ko} (${c}) | ${saved[c]} | ${proposed[c]} |`);
  }
  for (const set of evaluation.sets) {
    lines.push(
      '',
      `${SOURCE_LABELS[set.source]}: ${set.pairs.toLocaleString('en')} pairs, ${set.relevant.toLocaleString('en')} relevant, ${set.current.queries} seekers`,
      '',
      '| method | NDCG@10 | recall@10 | MRR | coverage |',
      '| --- | --- | --- | --- | --- |',
    );
    const row = (name: string, q: MatchQuality, against?: MatchQuality) =>
      `| ${name} | ${figure(q.ndcgAt10)}${against ? ` (${change(q.ndcgAt10, against.ndcgAt10)})` : ''} | ` +
      `${figure(q.recallAt10)}${against ? ` (${change(q.recallAt10, against.recallAt10)})` : ''} | ` +
      `${figure(q.mrr)}${against ? ` (${change(q.mrr, against.mrr)})` : ''} | ` +
      `${figure(q.coverage)}${against ? ` (${change(q.coverage, against.coverage)})` : ''} |`;
    lines.push(
      row('proposed weights', set.proposed, set.current),
      row('saved weights', set.current),
      row('baseline: text search only', set.baselines.textOnly),
      row('baseline: occupation code only', set.baselines.occupationOnly),
    );
  }
  return lines.join('\n');
}
