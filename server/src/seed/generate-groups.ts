/**
 * Made-up peer support groups in bulk, for benchmarks (bench/server-bench.mjs): `count` groups from a seeded
 * pseudo-random generator, so that every run measures the same data. They go through the same code as staff's
 * groups (schedule expansion, facets, search words, sessions), in transactions of a few hundred.
 *
 *   DATA_DIR=… | DATABASE_URL=… [DATABASE_SCHEMA=…] tsx src/seed/generate-groups.ts [count]
 *
 * With PGlite, run it while no server has the directory open.
 */
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase, type DatabaseConfig } from '../db/open-database.ts';
import { optionsFromEnv } from '../env.ts';
import { storedFromInput } from '../groups/group-record.ts';
import { insertGroup } from '../groups/group-repository.ts';
import type { NewGroup } from '../groups/group-types.ts';
import { defaultPaths } from '../paths.ts';

/** mulberry32: a tiny seeded generator; statistical quality is beside the point here. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TOPICS = [
  ['stress', 'Stress'],
  ['studies', 'Study'],
  ['anxiety', 'Anxiety'],
  ['low-mood', 'Low mood'],
  ['loneliness', 'Loneliness'],
  ['relationships', 'Relationships'],
  ['family', 'Family'],
  ['grief', 'Grief'],
  ['identity', 'Identity'],
  ['lgbtqia', 'Rainbow'],
  ['neurodivergence', 'Neurodivergent'],
  ['disability', 'Disability'],
  ['chronic-illness', 'Long-term illness'],
  ['body-image', 'Body image'],
  ['substance-use', 'Recovery'],
  ['money', 'Money'],
  ['sleep', 'Sleep'],
  ['trauma', 'Trauma'],
] as const;
const KINDS = ['peer circle', 'support group', 'drop-in', 'meetup', 'talking group', 'coffee hour', 'skills group'];
const SUMMARY_WORDS = ['support', 'listen', 'share', 'together', 'calm', 'weekly', 'friendly', 'students', 'talk'];
const AUDIENCES = ['students', 'undergraduate', 'postgraduate', 'international-students', 'first-generation'] as const;
const ACCESS = ['step-free', 'accessible-toilet', 'hearing-loop', 'captions', 'quiet-room', 'camera-optional'] as const;
const ZONES = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney'];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FACILITATORS = ['trained-peer', 'lived-experience', 'clinician'] as const;

/** The `index`-th generated group. */
export function generatedGroup(index: number, random: () => number): NewGroup {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const some = <T>(values: readonly T[], most: number): T[] => [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(values))),
  ];
  const [topic, label] = pick(TOPICS);
  const format = random() < 0.55 ? 'in-person' : random() < 0.6 ? 'online' : 'hybrid';
  const venue = { name: `Building ${1 + (index % 40)}`, room: `Room ${100 + (index % 300)}` };
  const online = { platform: 'Zoom', joinUrl: `https://bench.example/meet/${index}` };
  const hour = 8 + Math.floor(random() * 13);
  const capacity = random() < 0.25 ? null : 6 + Math.floor(random() * 20);
  const day = pick(DAYS);
  const month = 1 + Math.floor(random() * 12);
  return {
    name: `${label} ${pick(KINDS)} ${index}`,
    summary: `A ${pick(SUMMARY_WORDS)} group to ${pick(SUMMARY_WORDS)} and ${pick(SUMMARY_WORDS)} about ${label.toLowerCase()}.`,
    description: 'A group made up for benchmarks.',
    topics: [
      ...new Set([
        topic,
        ...some(
          TOPICS.map(([code]) => code),
          2,
        ),
      ]),
    ],
    audiences: some(AUDIENCES, 2),
    format,
    languages: random() < 0.15 ? ['es'] : random() < 0.1 ? ['en', 'es-MX'] : ['en'],
    facilitator: { type: pick(FACILITATORS) },
    dropIn: random() < 0.3,
    accessibility: some(ACCESS, 4),
    agreements: ['What is shared here stays here.'],
    firstSessionInfo: 'Someone will welcome you.',
    schedule: {
      timeZone: pick(ZONES),
      startLocal: `2026-${String(month).padStart(2, '0')}-0${1 + Math.floor(random() * 7)}T${String(hour).padStart(2, '0')}:${random() < 0.5 ? '00' : '30'}`,
      durationMinutes: 60 + 15 * Math.floor(random() * 4),
      rrule:
        random() < 0.1
          ? `FREQ=MONTHLY;BYDAY=1${day}`
          : `FREQ=WEEKLY;BYDAY=${day}${random() < 0.2 ? ';INTERVAL=2' : ''}`,
    },
    capacity,
    waitlistEnabled: random() < 0.8,
    sensitive: random() < 0.2,
    location: format === 'in-person' ? { venue } : format === 'online' ? { online } : { venue, online },
  };
}

/** Inserts `count` generated groups (ids grp_bench_<n>), then refreshes the planner's statistics. */
export async function insertGeneratedGroups(db: Database, count: number, seed = 9): Promise<void> {
  const random = seededRandom(seed);
  const now = new Date();
  const BATCH = 250;
  for (let first = 0; first < count; first += BATCH) {
    await db.transaction(async (tx) => {
      for (let index = first; index < Math.min(count, first + BATCH); index += 1) {
        await insertGroup(tx, `grp_bench_${index}`, storedFromInput(generatedGroup(index, random)), now);
      }
    });
  }
  // PGlite never analyzes by itself; without statistics its plans guess.
  await db.exec('ANALYZE groups; ANALYZE group_sessions');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 10_000);
  // optionsFromEnv always gives a config here (never an open Database).
  const config = optionsFromEnv(process.env).database as DatabaseConfig;
  const db = await openDatabase(config);
  try {
    await migrate(db, defaultPaths.migrations);
    const started = performance.now();
    await insertGeneratedGroups(db, count);
    console.log(`generated ${count} groups in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await db.close();
  }
}
