// Conflict detection at conference scale: P proposals × R experts with 20 publications each (the
// issue's 12,000 × 13,000), all rules on. Prints time, conflicts found and peak memory; asserts nothing.
//   node --import tsx bench/conflicts.ts            (BENCH_SIZES=500x300,12000x13000)
import { loadavg } from 'node:os';
import type { ExpertProfile, ProposalProfile } from '../src/domain/review/conflict-profiles.js';
import { detectConflicts } from '../src/domain/review/detect-conflicts.js';

/** A small deterministic generator (mulberry32), so every run measures the same instance. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = 4000;
const GIVEN = 26;
const INSTITUTIONS = 10_000;
const COUNTRIES = ['CN', 'FR', 'DE', 'JP', 'PK', 'GB', 'US', 'IT', 'RU', 'TH', 'ZA', 'TR', 'EG', 'BH', 'PE', 'IR'];

/** P proposals and R experts with 20 publications each, the same for a given seed. */
export function conflictInstance(proposals: number, experts: number, seed = 7) {
  const rand = rng(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const name = () => `${String.fromCharCode(65 + pick(GIVEN))}. Family${pick(FAMILY)}`;
  const affiliation = () => {
    const i = pick(INSTITUTIONS);
    // One institution in three belongs to an academy of five institutes.
    const parents =
      i % 3 === 0 ? [{ institutionId: `org-${Math.floor(i / 15)}`, institutionName: `Academy ${Math.floor(i / 15)}` }] : [];
    return { institutionId: `inst-${i}`, institutionName: `Institute ${i}`, parents };
  };
  const papers = (n: number) =>
    Array.from({ length: n }, (_, k) => ({
      title: `Paper ${pick(200_000)} ${k}`,
      year: 2010 + pick(16),
      coauthors: Array.from({ length: 3 + pick(4) }, name),
    }));
  const expertList: ExpertProfile[] = Array.from({ length: experts }, (_, e) => ({
    expertId: `e${e}`,
    personIds: [`person-e${e}`],
    name: name(),
    emails: [`e${e}@${rand() < 0.3 ? 'gmail.com' : `inst${pick(INSTITUTIONS)}.edu`}`],
    affiliations: [affiliation()],
    countryCode: COUNTRIES[pick(COUNTRIES.length)] as string,
    publications: papers(20),
  }));
  const proposalList: ProposalProfile[] = Array.from({ length: proposals }, (_, p) => {
    const team = Array.from({ length: 2 + pick(4) }, () => ({
      ...affiliation(),
      countryCode: COUNTRIES[pick(COUNTRIES.length)] as string,
    }));
    return {
      proposalId: `p${p}`,
      title: `Proposal ${p}`,
      institutions: team.map((t, i) => ({ ...t, role: i === 0 ? ('lead' as const) : ('partner' as const) })),
      people: team.map((t, i) => ({
        role: i === 0 ? ('applicant' as const) : ('member' as const),
        personIds: [`person-p${p}-${i}`],
        name: name(),
        emails: [`m${p}-${i}@inst${pick(INSTITUTIONS)}.edu`],
        affiliations: [t],
        publications: papers(20),
      })),
    };
  });
  return { expertList, proposalList };
}

async function conflictsBench(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '500x300,5000x3000,12000x13000')
    .split(',')
    .map((s) => s.split('x').map(Number) as [number, number]);
  // The same-country rule is a call setting; on, it makes one pair in sixteen a conflict here.
  const sameCountry = process.env.BENCH_SAME_COUNTRY === 'lead' ? 'lead' : 'off';
  console.log(
    `conflict detection: proposals × experts, 20 publications each; rules: own proposal, institution and parents, e-mail domain, co-authors within 3 years, shared paper, same country ${sameCountry}`,
  );
  for (const [p, r] of sizes) {
    const { expertList, proposalList } = conflictInstance(p, r);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const found = detectConflicts(expertList, proposalList, { sameCountry, coauthorWindowYears: 3, referenceYear: 2025 });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const byKind = new Map<string, number>();
    for (const c of found) for (const e of c.evidence) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
    console.log(
      `${p} × ${r}: ${(ms / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU (load ${loadavg()[0]!.toFixed(1)}), ${found.length} conflicting pairs (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}), rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await conflictsBench();
