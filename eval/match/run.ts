import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type MatchEvaluationSet, type MatchQuality, MatchWeights } from '@ilteo/shared';
import { environment, markdownTable } from '../../bench/lib/report.js';
import { occupationOnlyRanker, textOnlyRanker } from '../../packages/server/src/engine/match/baselines.js';
import {
  CUTOFF,
  type EvaluationEngines,
  evaluateRanking,
  evaluateWeights,
  type LabelledSet,
  matcherRanker,
  queriesOf,
  relevantCount,
} from '../../packages/server/src/engine/match/evaluate.js';
import { Matcher } from '../../packages/server/src/engine/match/matcher.js';
import { DEFAULT_MATCH_WEIGHTS } from '../../packages/server/src/engine/match/score.js';
import { VacancyIndex } from '../../packages/server/src/engine/search/vacancy-index.js';
import { fieldErrorsFromValidation } from '../../packages/server/src/http/errors.js';
import {
  generateSynthetic,
  hiresLabelledSet,
  ncsLabels,
  SYNTHETIC_DEFAULTS,
  syntheticLabelledSet,
} from '../../packages/server/src/modules/matching/synthetic.js';

const USAGE = `Matching quality: NDCG@10, recall@10, MRR and coverage of the matcher and of two baselines
(text search only; occupation code only) on the generated labelled set (docs/matching-evaluation.md).

  npm run eval:match -- [options]

  --weights JSON     proposed weights to show next to the defaults, e.g. '{"occupation":0.5}'
                     (keys left out keep their default)
  --vacancies N      vacancies of the set (default ${SYNTHETIC_DEFAULTS.vacancies})
  --seekers N        seekers of the set (default ${SYNTHETIC_DEFAULTS.seekers})
  --seed N           the set's seed (default ${SYNTHETIC_DEFAULTS.seed})
  --text-skills      add the seekers' skill labels to the text baseline's words
  --no-write         print the report only; do not write eval/results/`;

const ROOT = path.resolve(import.meta.dirname, '..', '..');

const { values: options } = parseArgs({
  options: {
    weights: { type: 'string' },
    vacancies: { type: 'string', default: String(SYNTHETIC_DEFAULTS.vacancies) },
    seekers: { type: 'string', default: String(SYNTHETIC_DEFAULTS.seekers) },
    seed: { type: 'string', default: String(SYNTHETIC_DEFAULTS.seed) },
    'text-skills': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

/** Stops with a message in Korean and English. */
function refuse(ko: string, en: string): never {
  console.error(`${ko}\n${en}`);
  process.exit(2);
}

const whole = (name: string, value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    refuse(
      `--${name}: 1 이상의 정수여야 합니다 (${value})`,
      `--${name}: must be a whole number ≥ 1 (${value})`,
    );
  return n;
};

/** The proposed weights: the defaults with the given keys replaced, checked as the API checks them. */
function proposedWeights(json: string | undefined): MatchWeights | null {
  if (json === undefined) return null;
  let given: unknown;
  try {
    given = JSON.parse(json);
  } catch {
    refuse('--weights: JSON 객체가 아닙니다', '--weights: not a JSON object');
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    refuse('--weights: JSON 객체가 아닙니다', '--weights: not a JSON object');
  // A rule on the whole object is reported on `weights`, a key's on `weights.<key>`… as `--weights <key>`.
  const option = (field: string) => (field === 'weights' ? '--weights' : `--weights ${field}`);
  const parsed = MatchWeights.safeParse({ ...DEFAULT_MATCH_WEIGHTS, ...given }, { reportInput: true });
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsFromValidation(
    parsed.error.issues.map((i) => ({
      keyword: i.code,
      instancePath: `/${i.path.join('/')}`,
      message: i.message,
      params: { ...i },
    })),
    'weights',
  );
  refuse(
    errors.map((e) => `${option(e.field)}: ${e.message.ko}`).join('\n'),
    errors.map((e) => `${option(e.field)}: ${e.message.en}`).join('\n'),
  );
}

const proposed = proposedWeights(options.weights);
const sizes = {
  vacancies: whole('vacancies', options.vacancies),
  seekers: whole('seekers', options.seekers),
  seed: whole('seed', options.seed),
};

const started = performance.now();
const set = generateSynthetic(sizes);
const generatedMs = performance.now() - started;

const matcher = new Matcher();
matcher.setAllVacancies(set.vacancies);
matcher.setAllSeekers(set.seekers);
const index = new VacancyIndex();
index.setAll(set.documents);
const skills = ncsLabels();
const baseline = { index, seeker: (id: number) => matcher.seeker(id), today: set.today };
const engines: EvaluationEngines = {
  matcher,
  today: set.today,
  textOnly: textOnlyRanker({
    ...baseline,
    occupationLabel: (_scheme, code) => set.keco.labels.get(code),
    ...(options['text-skills'] ? { skillLabel: (key: string) => skills.get(key) } : {}),
  }),
  occupationOnly: occupationOnlyRanker(baseline),
};

const complete = syntheticLabelledSet(set);
const hires = hiresLabelledSet(set);
const evaluated = [complete, hires].map((labels) =>
  evaluateWeights(labels, engines, proposed ?? DEFAULT_MATCH_WEIGHTS, DEFAULT_MATCH_WEIGHTS),
);
// What each component adds: the figures with its weight set to 0 and the others as they are.
const leftOut = (Object.keys(DEFAULT_MATCH_WEIGHTS) as (keyof MatchWeights)[]).map((key) => ({
  key,
  quality: evaluateRanking(
    complete,
    matcherRanker(matcher, set.today, { ...DEFAULT_MATCH_WEIGHTS, [key]: 0 }),
  ),
}));
const totalMs = performance.now() - started;

const figure = (x: number) => x.toFixed(3);
const row = (name: string, q: MatchQuality) => [
  name,
  figure(q.ndcgAt10),
  figure(q.recallAt10),
  figure(q.mrr),
  figure(q.coverage),
  String(q.queries),
];
const weightsText = (w: MatchWeights) =>
  Object.entries(w)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

function table(result: MatchEvaluationSet): string {
  const rows = [row('matcher, default weights', result.current)];
  if (proposed) rows.push(row('matcher, proposed weights', result.proposed));
  rows.push(row('text search only', result.baselines.textOnly));
  rows.push(row('occupation code only', result.baselines.occupationOnly));
  return markdownTable(['method', 'NDCG@10', 'recall@10', 'MRR', 'coverage', 'queries'], rows);
}

/** The best recall@10 any ranking can reach: a seeker with more than 10 relevant vacancies cannot have them all in 10. */
function recallCeiling(labels: LabelledSet): number {
  const queries = queriesOf(labels.labels);
  let sum = 0;
  for (const id of queries) {
    const r = relevantCount(labels.labels.get(id)!);
    sum += Math.min(CUTOFF, r) / r;
  }
  return queries.length ? sum / queries.length : 0;
}

let grade2 = 0;
let grade1 = 0;
for (const labels of set.labels.values()) for (const g of labels.values()) g === 2 ? grade2++ : grade1++;
const queries = queriesOf(complete.labels).length;
const [full, hired] = evaluated as [MatchEvaluationSet, MatchEvaluationSet];

const markdown = `# Matching quality (synthetic set)

\`npm run eval:match${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` — how the labels are made: docs/matching-evaluation.md.

${environment({
  set: `${sizes.vacancies.toLocaleString('en-US')} open vacancies, ${sizes.seekers.toLocaleString('en-US')} seekers, seed ${sizes.seed}`,
  'default weights': weightsText(DEFAULT_MATCH_WEIGHTS),
  ...(proposed ? { 'proposed weights': weightsText(proposed) } : {}),
  'text baseline words': options['text-skills'] ? 'desired occupations and skills' : 'desired occupations',
  time: `${(generatedMs / 1000).toFixed(1)} s to generate, ${(totalMs / 1000).toFixed(1)} s in all`,
})}

## Complete labels

Every (seeker, vacancy) pair is judged from the seeker's latent truth: ${full.pairs.toLocaleString('en-US')} pairs,
${grade2.toLocaleString('en-US')} of grade 2 and ${grade1.toLocaleString('en-US')} of grade 1; ${queries} of ${sizes.seekers} seekers have at least one
(${(full.relevant / Math.max(1, queries)).toFixed(1)} relevant vacancies each on average, so recall@10 cannot exceed ${figure(recallCeiling(complete))}).

${table(full)}

## Each component left out

The matcher with one default weight set to 0 (complete labels). A component whose removal raises
the figures carries nothing the labels reward — read docs/matching-evaluation.md before taking
that as advice: the labels have no preference among acceptable jobs (nearer, better paid), and the
demo's skills follow from the occupation.

${markdownTable(
  ['left out', 'NDCG@10', 'recall@10', 'MRR', 'coverage', 'queries'],
  [row('nothing (default weights)', full.current), ...leftOut.map(({ key, quality }) => row(key, quality))],
)}

## Simulated hires only

One grade-2 vacancy for ${hired.current.queries} seekers (each a hire drawn at random among their grade-2
vacancies) and nothing else known, as a database's hire records are: recall@10 is the share of
hires in the top 10. Coverage is the same population as above.

${table(hired)}
`;

console.log(markdown);
if (!options['no-write']) {
  const file = path.join(ROOT, 'eval', 'results', `match-${new Date().toISOString().slice(0, 10)}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, markdown);
  console.error(`[eval match] written to ${path.relative(ROOT, file)}`);
}
