/** One size's section of BENCHMARKS.md: every table with its targets and verdicts. */
import { median } from './stats.ts';
import { AT_RISK_COUNT_ROW, AT_RISK_ROW, SCENARIO_ROW } from './ahead.ts';
import { dealLines } from './deals.ts';
import { peerSection } from './peer.ts';
import { atLeast, atMost, below, TARGETS, type SizeResult, type Verdict } from './results.ts';
import type { LoaderRun } from './import-bench.ts';

const ms = (v: number) => (Number.isFinite(v) ? (v < 100 ? v.toFixed(1) : v.toFixed(0)) : 'n/a');
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(0)} MiB`);
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;

/** A target set for one size is still shown at the others, marked as informative. */
function verdict(v: Verdict, appliesAt: string | null, size: string): string {
  if (v === 'n/a' || appliesAt === null || appliesAt === size) return `**${v}**`;
  return `${v} (target is for ${appliesAt})`;
}

export function sizeSection(r: SizeResult): string {
  const s = r.size.name;
  return [
    `## ${s}: ${int(r.size.partners)} partners / ${int(r.size.engagements)} engagements`,
    '',
    `Measured ${r.date} in ${r.minutes.toFixed(1)} min; ${r.runs} run${r.runs === 1 ? '' : 's'}${r.quick ? ' (--quick)' : ''}; `
      + `load average ${r.load[0].toFixed(2)} before, ${r.load[1].toFixed(2)} after. `
      + `${int(r.count.nodes)} nodes, ${int(r.count.relationships)} relationships; file ${(r.dataset.bytes / 2 ** 20).toFixed(1)} MiB, generated in ${r.dataset.seconds.toFixed(1)} s; `
      + `on disk ${gib(r.store.store)} of store and ${gib(r.store.transactionLogs)} of transaction logs.`
      + (r.subset ? ` This is ${r.subset}.` : ''),
    '',
    importTable(r),
    '',
    latencyTable(r),
    '',
    ...(r.subset ? [] : [roundTripTable(r), '']),
    networkTable(r),
    '',
    ...(r.subset ? [] : [throughputTable(r), '', peerSection(r.peer), '']),
    '### Memory',
    '',
    `Peak resident memory (VmHWM) of the API process: **${mb(r.apiPeakRssMb)}**; of Neo4j (heap ${r.size.neo4jHeapMb === undefined ? 'sized by the product' : `${r.size.neo4jHeapMb} MiB`}, `
      + `page cache ${r.size.pageCacheMb} MiB): ${mb(r.neo4jPeakRssMb)}.`,
  ].join('\n');
}

function importTable(r: SizeResult): string {
  const row = (name: string, runs: LoaderRun[]) => {
    const phase = (k: string) => median(runs.map((x) => x.phases[k] ?? Number.NaN));
    const wall = median(runs.map((x) => x.seconds));
    const rest = wall - phase('reading') - phase('writing');
    const sec = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} s` : '–');
    if (runs.length === 0) return `| ${name} | not run: ${r.import.baselineSkipped ?? 'no runs'} | | | | | | |`;
    return `| ${name} | ${sec(wall)} | ${sec(phase('reading'))} | ${sec(phase('writing'))} | ${sec(rest)} | ${int(runs[0]!.count.elements)} `
      + `| ${int(median(runs.map((x) => x.elementsPerSecond)))} | ${mb(median(runs.map((x) => x.peakRssMb ?? Number.NaN)))} |`;
  };
  const heap = r.import.importHeapMb === undefined ? '' : ` \`npm run import\` ran with \`--max-old-space-size=${r.import.importHeapMb}\` (NODE_OPTIONS): Node's default heap does not hold this size.`;
  const how = r.import.reusedFrom
    ? `Not imported in this run: the kept store (--data-dir) was reused; the row is the import that filled it on ${r.import.reusedFrom.slice(0, 16).replace('T', ' ')} UTC.`
    : `Wall time of the whole command (process start, reading, validation, writing), each on a fresh server with the schema; median of ${r.import.ours.length} run(s).`;
  return [
    '### Import throughput',
    '',
    `${how}${heap}`,
    '',
    '| loader | wall time | reading | writing | rest (start, schema, validation) | elements | elements/s | peak memory |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('`npm run import`', r.import.ours),
    ...(r.import.reusedFrom ? [] : [row('baseline: bare UNWIND CREATE, no validation', r.import.baseline)]),
    '',
    r.import.baseline.length > 0
      ? `Ratio ours / baseline: **${x(r.import.ratio)}**, target ≥ ${TARGETS.importRatio}: ${verdict(atLeast(r.import.ratio, TARGETS.importRatio), 'M', r.size.name)}.`
      : 'Ratio ours / baseline: **n/a** (no baseline in this run).',
  ].join('\n');
}

function latencyTable(r: SizeResult): string {
  const lines = [
    '### Latency: HTTP against the same Cypher through the driver',
    '',
    'Per run, p50 and p99 of the samples; the table shows the median over runs of each. Each iteration sends one HTTP request (undici, '
      + "keep-alive), the same statement(s) through a plain driver session (an auto-commit read, as the app's executor sends a single read) and, "
      + 'for one-statement operations, the same statement through the bare HTTP floor, in turns and with the same ids; neither side formats '
      + 'source-mapped stack traces. '
      + "The selections touch only what the operation's one statement returns; the nested list sends two statements, and its driver side is the "
      + 'same two through the graph areas. coverageGaps is asked with a new alias each time, so the answer cache cannot answer it: it times the '
      + 'computation (plus the one read of the graph version the cache needs).',
    '',
    'The bare HTTP column is the floor any HTTP service has on this machine: the same statement sent to bench/floor-server.ts, a node:http '
      + 'server that runs it through the driver and answers the rows as JSON (no GraphQL, no token, no limits); one-statement operations only. '
      + "Its ratio to the driver is the part of the API's ratio that no change inside the API can remove.",
    '',
    ...(r.size.apiQueryTimeoutMs === undefined ? [] : [
      `The API ran with QUERY_TIMEOUT_MS=${r.size.apiQueryTimeoutMs} (the product's default is 10 s): at ${r.size.name} the default refuses coverageGaps, `
        + 'whose statement takes longer, as QUERY_TOO_COMPLEX.', '']),
    `Issue 22 restates the target of one-statement operations against that floor: HTTP p50 ≤ ${TARGETS.httpOverFloor} × the bare HTTP p50 (the last two columns).`,
    '',
    `| operation | HTTP p50 | HTTP p99 | driver p50 | driver p99 | ratio p50 | ratio p99 | target ≤ ${TARGETS.httpOverDriver} | bare HTTP p50 | bare / driver p50 | samples | HTTP / bare p50 | target ≤ ${TARGETS.httpOverFloor} |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const l of r.latency) {
    if (l.error) { lines.push(`| ${l.name} | error: ${l.error.replace(/\|/g, '\\|').slice(0, 160)} | | | | | | **n/a** | | | | | |`); continue; }
    const p50 = l.http.p50 / l.direct.p50;
    const p99 = l.http.p99 / l.direct.p99;
    const v = atMost(p50, TARGETS.httpOverDriver) === 'PASS' && atMost(p99, TARGETS.httpOverDriver) === 'PASS' ? 'PASS' : 'FAIL';
    const floor = l.floor ? `${ms(l.floor.p50)} ms | ${x(l.floor.p50 / l.direct.p50)}` : '– | –';
    const overFloor = l.floor ? `${x(l.http.p50 / l.floor.p50)} | **${atMost(l.http.p50 / l.floor.p50, TARGETS.httpOverFloor)}**` : '– | –';
    lines.push(`| ${l.name} | ${ms(l.http.p50)} ms | ${ms(l.http.p99)} ms | ${ms(l.direct.p50)} ms | ${ms(l.direct.p99)} ms | ${x(p50)} | ${x(p99)} | **${v}** | ${floor} | ${l.http.n} | ${overFloor} |`);
  }
  const acc = r.latency.find((l) => l.name === 'accountability');
  if (acc && !acc.error) {
    lines.push('', `accountability p99 over HTTP: **${ms(acc.http.p99)} ms**, target < ${TARGETS.accountabilityP99Ms} ms: `
      + `${verdict(below(acc.http.p99, TARGETS.accountabilityP99Ms), 'M', r.size.name)}.`);
  }
  lines.push(...aheadLines(r));
  lines.push(...dealLines(r, ms, verdict));
  return lines.join('\n');
}

/** Issue 20's targets, read off the latency rows (their driver side is the graph areas' own functions). */
function aheadLines(r: SizeResult): string[] {
  const row = (name: string) => r.latency.find((l) => l.name === name && !l.error);
  const atRisk = row(AT_RISK_ROW);
  const what = row(SCENARIO_ROW);
  const coverage = row('coverageGaps');
  const lines: string[] = [];
  if (atRisk) {
    lines.push('', `${AT_RISK_ROW} p99 over HTTP: **${ms(atRisk.http.p99)} ms**, target ≤ ${TARGETS.atRiskP99Ms} ms: `
      + `${verdict(atMost(atRisk.http.p99, TARGETS.atRiskP99Ms), 'M', r.size.name)}.`);
  }
  const count = row(AT_RISK_COUNT_ROW);
  if (count) {
    lines.push('', `${AT_RISK_COUNT_ROW}: p50 ${ms(count.http.p50)} ms, p99 ${ms(count.http.p99)} ms over HTTP (no target: the web view `
      + 'asks it beside the first page and shows the rows first; it judges every PENDING outcome not yet due).');
  }
  if (what && coverage) {
    const ratio = what.http.p50 / coverage.http.p50;
    lines.push('', `${SCENARIO_ROW} p50 over HTTP: ${ms(what.http.p50)} ms, ${x(ratio)} a plain coverageGaps (${ms(coverage.http.p50)} ms), `
      + `target ≤ ${TARGETS.scenarioOverCoverage}×: ${verdict(atMost(ratio, TARGETS.scenarioOverCoverage), 'M', r.size.name)}. `
      + 'The scenario reads coverage, exit impact and health before and after its changes, in a transaction that is rolled back.');
  }
  return lines;
}

function roundTripTable(r: SizeResult): string {
  const lines = [
    '### Database round trips per operation',
    '',
    'Statements the app sent for one request (its executor\'s counter, app in-process), with a small and a large selection; items are the objects in the answer.',
    '',
    '| operation | small: statements | small: items | large: statements | large: items | constant | latency request |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const t of r.roundTrips) {
    if (t.error) { lines.push(`| ${t.name} | error: ${t.error.replace(/\|/g, '\\|').slice(0, 160)} | | | | **n/a** | |`); continue; }
    const constant = t.constant ? (t.note ? `yes (${t.note})` : '**yes**') : '**no**';
    lines.push(`| ${t.name} | ${t.small.statements} | ${int(t.small.items)} | ${t.large.statements} | ${int(t.large.items)} | ${constant} | ${t.latencyStatements ?? '–'} |`);
  }
  return lines.join('\n');
}

function networkTable(r: SizeResult): string {
  const n = r.network;
  if (!n.served) return `### network\n\n**n/a**: ${n.reason}.`;
  const freshTarget = TARGETS.networkFreshMs[r.size.name];
  const runs = n.staleMs.length;
  return [
    '### network, over HTTP',
    '',
    `The whole filtered network: ${int(n.partnerCount)} partners; betweenness ${n.betweennessSample === null ? 'exact' : `estimated from ${int(n.betweennessSample)} sampled sources`}. `
      + `Answers with limit 2000: ${int(n.nodes)} nodes, ${int(n.edges)} edges${n.truncated ? ' (truncated)' : ''}. `
      + `The community overview (limit 0: partnerCount, ${int(n.communities)} communities with labels and top partners, ${int(n.communityLinks)} links): ${int(n.overviewBytes)} bytes.`,
    '',
    `| first on a new database (waits for the computation) | next request after a write (median of ${runs}) | target at M ≤ ${TARGETS.networkAfterWriteMs} ms | stale answers | fresh after the write (median) | target | warm p50 | warm p99 | warm p50, answer rebuilt | overview p50 | target at L ≤ ${TARGETS.networkOverviewMs} ms |`,
    '| ---: | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |',
    `| ${ms(n.firstAfterStartMs)} ms | ${ms(median(n.staleMs))} ms | ${r.size.name === 'M' ? `**${atMost(median(n.staleMs), TARGETS.networkAfterWriteMs)}**` : '– (a target at M)'} | ${n.staleAnswers}/${runs} `
      + `| ${ms(median(n.freshAfterWriteMs))} ms | ${freshTarget === undefined ? '–' : `≤ ${ms(freshTarget)} ms: **${atMost(median(n.freshAfterWriteMs), freshTarget)}**`} `
      + `| ${ms(n.warmP50)} ms | ${ms(n.warmP99)} ms | ${ms(n.warmRebuiltP50)} ms | ${ms(n.overviewP50)} ms | ${r.size.name === 'L' ? `**${atMost(n.overviewP50, TARGETS.networkOverviewMs)}**` : '– (a target at L)'} |`,
    '',
    'After a write the next request answers at once with the last metrics (`stale: true`) while one recomputation of the whole network runs in the background; '
      + '"fresh after the write" is the time from the write until a request gets `stale: false`, polled every 100 ms. '
      + 'Warm: the same request again, answered with the bytes kept by the answer cache (api/server/answer-cache.ts) after one read of the graph version. '
      + '"Answer rebuilt": a new alias each time, so the computed network is held but the GraphQL answer is selected, built and serialised again.'
      + (n.note ? ` Before the first answer: ${n.note}.` : ''),
  ].join('\n');
}

function throughputTable(r: SizeResult): string {
  const t = r.throughput;
  if ('error' in t) return `### Throughput\n\n**n/a**: ${t.error}\n\n${writesLine(r)}`;
  const rps = (list: typeof t.api) => median(list.map((l) => l.requestsPerSecond));
  const lat = (list: typeof t.api, k: 'p50' | 'p99') => median(list.map((l) => l[k]));
  const bad = t.api.reduce((n, l) => n + l.non2xx + l.errors, 0);
  return [
    '### Throughput',
    '',
    `autocannon, 50 connections, ${t.seconds} s a run, median of ${t.api.length} run(s), POST \`${t.query}\` as ADMIN; the baseline is a plain node:http server answering the same bytes.`,
    '',
    '| server | requests/s | latency p50 | latency p99 |',
    '| --- | ---: | ---: | ---: |',
    `| API | ${int(rps(t.api))} | ${lat(t.api, 'p50')} ms | ${lat(t.api, 'p99')} ms |`,
    `| API on \`${t.oneReadQuery}\` (one indexed read; diagnostic) | ${int(rps(t.apiOneRead))} | ${lat(t.apiOneRead, 'p50')} ms | ${lat(t.apiOneRead, 'p99')} ms |`,
    `| plain node:http | ${int(rps(t.plain))} | ${lat(t.plain, 'p50')} ms | ${lat(t.plain, 'p99')} ms |`,
    writesRow(r),
    '',
    `Ratio API / plain: **${x(t.ratio)}**, target ≥ ${TARGETS.throughputRatio}: **${atLeast(t.ratio, TARGETS.throughputRatio)}**.`
      + (bad > 0 ? ` The API answered ${bad} requests with an error or non-2xx status.` : ''),
    '',
    writesLine(r),
  ].join('\n');
}

/** The row of the writes (bench/writes.ts) in the throughput table: writes/s where the others have requests/s. */
function writesRow(r: SizeResult): string {
  const w = r.writes;
  if ('error' in w) return '| writes at 50 writers | n/a | | |';
  return `| writes at ${w.writers} writers (role and status changes; writes/s) | ${int(w.writesPerSecond)} | ${ms(w.p50)} ms | ${ms(w.p99)} ms |`;
}

function writesLine(r: SizeResult): string {
  const w = r.writes;
  if ('error' in w) return `Writes at 50 writers: **n/a**: ${w.error}`;
  const tally = Object.entries(w.outcomes).map(([op, o]) => `${op} ${Object.entries(o).map(([k, n]) => `${n} ${k}`).join(' / ')}`).join('; ');
  const pass = w.violations === 0 && w.failures === 0 ? atLeast(w.writesPerSecond, TARGETS.writesPerSecond) : 'FAIL';
  return `Writes at ${w.writers} writers: ${int(w.writes)} writes (40 % assignRole, 30 % setCommitmentStatus, 30 % setOutcomeStatus on 500 ACTIVE engagements, `
    + `each writer one write at a time) in ${w.seconds.toFixed(1)} s: **${int(w.writesPerSecond)} writes/s**, p99 ${ms(w.p99)} ms; ${tally}; `
    + `${w.violations} invariant violations, ${w.failures} answers that were not a success or a contract refusal. `
    + `Target ≥ ${TARGETS.writesPerSecond} writes/s with none: **${pass}**.`;
}
