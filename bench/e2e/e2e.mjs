// End-to-end harness: the official TypeScript SDK client calls server-everything's `echo` tool directly and through
// `vanguard start`, and reports per-call latency, start-up time (spawn -> initialize answered) and vanguard's RSS.
//
//   node bench/e2e/e2e.mjs --vanguard "dotnet artifacts/vanguard/vanguard.dll" [--label jit] [--calls 1000]
//        [--rounds 3] [--warmup 100] [--startup-runs 10] [--json out.json] [--node-modules DIR/node_modules] [--perf]
//
// Besides wall-clock latency (the scheduler's figure on a loaded machine), every round reads the relay process's own CPU
// time and context switches over the timed calls from /proc (all its threads; its children excluded): CPU per call is the
// load-independent figure. --perf also runs `perf stat -e task-clock,context-switches` on the relay over the timed calls.
//
// Several targets can be given (--vanguard may repeat, each "LABEL=COMMAND" or just COMMAND). Rounds alternate
// direct and proxied sessions so that background load from other processes hits both alike; medians are reported.
import { readFileSync, writeFileSync, mkdtempSync, readdirSync } from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));

// The peers come from the project's test folder (scripts/install-test-deps.sh installs them there), or --node-modules.
const nodeModulesArg = process.argv.indexOf("--node-modules");
const peersRoot = nodeModulesArg > 0 ? dirname(process.argv[nodeModulesArg + 1]) : join(here, "..", "..", "tests", "node");
const require = createRequire(join(peersRoot, "package.json"));
const { Client } = require("@modelcontextprotocol/sdk/client/index.js");
const { StdioClientTransport } = require("@modelcontextprotocol/sdk/client/stdio.js");

function parseArgs(argv) {
  const opts = { vanguard: [], calls: 1000, rounds: 3, warmup: 100, startupRuns: 10, json: null, server: null, perf: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    switch (a) {
      case "--vanguard": opts.vanguard.push(next()); break;
      case "--calls": opts.calls = Number(next()); break;
      case "--rounds": opts.rounds = Number(next()); break;
      case "--warmup": opts.warmup = Number(next()); break;
      case "--startup-runs": opts.startupRuns = Number(next()); break;
      case "--json": opts.json = next(); break;
      case "--server": opts.server = next(); break;
      case "--perf": opts.perf = true; break;
      case "--node-modules": next(); break; // handled above
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  if (opts.vanguard.length === 0) throw new Error("give at least one --vanguard \"CMD ARGS\"");
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const serverJs = opts.server ?? join(dirname(require.resolve("@modelcontextprotocol/server-everything/package.json")), "dist", "index.js");
const serverCommand = ["node", serverJs, "stdio"];
const auditDir = mkdtempSync(join(tmpdir(), "vanguard-e2e-"));

// Each proxied target: a label and the command that starts vanguard (the server command is appended after `start --`).
const targets = [{ label: "direct", command: serverCommand }].concat(opts.vanguard.map((spec, i) => {
  const eq = spec.indexOf("=");
  const label = eq > 0 && !spec.slice(0, eq).includes(" ") ? spec.slice(0, eq) : `vanguard${opts.vanguard.length > 1 ? i + 1 : ""}`;
  const cmd = (eq > 0 && !spec.slice(0, eq).includes(" ") ? spec.slice(eq + 1) : spec).split(" ").filter(Boolean);
  return { label, command: [...cmd, "start", "--", ...serverCommand] };
}));

function transportFor(target) {
  return new StdioClientTransport({
    command: target.command[0],
    args: target.command.slice(1),
    env: { ...process.env, VANGUARD_AUDIT_LOG: join(auditDir, `${target.label}.jsonl`) },
    // server-everything logs a banner on stderr at every start; keep the tail for diagnostics instead of printing it.
    stderr: "pipe",
  });
}

function keepStderrTail(transport, label) {
  let tail = "";
  transport.stderr?.on("data", (chunk) => {
    tail = (tail + chunk.toString()).slice(-4000);
  });
  return () => `${label} stderr (tail):\n${tail}`;
}

async function connect(target) {
  const transport = transportFor(target);
  const stderrTail = keepStderrTail(transport, target.label);
  const client = new Client({ name: "vanguard-e2e-bench", version: "1.0.0" });
  const started = process.hrtime.bigint();
  try {
    await client.connect(transport); // spawn, initialize request, initialize response, initialized notification
  } catch (e) {
    console.error(stderrTail());
    throw e;
  }
  const startupMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { client, transport, startupMs };
}

function rssKiB(pid, field = "VmRSS") {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const m = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** CPU time (ns, from schedstat) and context switches summed over every thread of a process; null when unreadable. */
function processCpu(pid) {
  try {
    let cpuNs = 0;
    let voluntary = 0;
    let involuntary = 0;
    const tasks = readdirSync(`/proc/${pid}/task`);
    for (const tid of tasks) {
      try {
        cpuNs += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
        const status = readFileSync(`/proc/${pid}/task/${tid}/status`, "utf8");
        voluntary += Number(status.match(/^voluntary_ctxt_switches:\s+(\d+)/m)?.[1] ?? 0);
        involuntary += Number(status.match(/^nonvoluntary_ctxt_switches:\s+(\d+)/m)?.[1] ?? 0);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
    return { cpuNs, voluntary, involuntary, threads: tasks.length };
  } catch {
    return null;
  }
}

/** Starts `perf stat` on a process; the returned function stops it and resolves to its task-clock (ms) and context switches. */
function perfStat(pid) {
  const perf = spawn("perf", ["stat", "-x", ",", "-e", "task-clock,context-switches", "-p", String(pid)], { stdio: ["ignore", "ignore", "pipe"] });
  let text = "";
  perf.stderr.on("data", (chunk) => (text += chunk.toString()));
  return async () => {
    const exited = new Promise((resolve) => perf.on("close", resolve));
    perf.kill("SIGINT");
    await exited;
    const value = (event) => {
      const line = text.split("\n").find((l) => l.includes(event));
      return line ? Number(line.split(",")[0]) : NaN;
    };
    return { taskClockMs: value("task-clock"), contextSwitches: value("context-switches") };
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function echoRound(target) {
  const { client, transport, startupMs } = await connect(target);
  const pid = transport.pid;
  try {
    for (let i = 0; i < opts.warmup; i++) {
      await client.callTool({ name: "echo", arguments: { message: `warm-up ${i}` } });
    }

    await sleep(500);
    const idleRss = rssKiB(pid);
    const times = new Array(opts.calls);
    const stopPerf = opts.perf && target.label !== "direct" ? perfStat(pid) : null;
    if (stopPerf) await sleep(200); // perf attaches to the running process before the first timed call
    const cpuBefore = processCpu(pid);
    for (let i = 0; i < opts.calls; i++) {
      const t0 = process.hrtime.bigint();
      const result = await client.callTool({ name: "echo", arguments: { message: `hello ${i}` } });
      times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
      if (i === 0 && !(result.content?.[0]?.text ?? "").includes("hello 0")) {
        throw new Error(`${target.label}: unexpected echo result ${JSON.stringify(result)}`);
      }
    }

    const cpuAfter = processCpu(pid);
    const perf = stopPerf ? await stopPerf() : null;
    const sorted = [...times].sort((a, b) => a - b);
    const per = (a, b) => (cpuBefore && cpuAfter ? (a(cpuAfter) - a(cpuBefore)) / b : NaN);
    return {
      cpuUsPerCall: per((c) => c.cpuNs, opts.calls * 1000),
      voluntarySwitchesPerCall: per((c) => c.voluntary, opts.calls),
      involuntarySwitchesPerCall: per((c) => c.involuntary, opts.calls),
      threads: cpuAfter?.threads ?? NaN,
      perfTaskClockUsPerCall: perf ? (perf.taskClockMs * 1000) / opts.calls : NaN,
      perfSwitchesPerCall: perf ? perf.contextSwitches / opts.calls : NaN,
      startupMs,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      max: sorted[sorted.length - 1],
      idleRssKiB: idleRss,
      afterRssKiB: rssKiB(pid),
      peakRssKiB: rssKiB(pid, "VmHWM"),
    };
  } finally {
    await client.close();
  }
}

async function startupOnly(target) {
  const { client, startupMs } = await connect(target);
  await client.close();
  return startupMs;
}

const results = Object.fromEntries(targets.map((t) => [t.label, { rounds: [], startup: [] }]));

// Start-up first: one throwaway run of each warms the OS file cache, then runs alternate between targets.
for (const t of targets) await startupOnly(t);
for (let r = 0; r < opts.startupRuns; r++) {
  for (const t of targets) results[t.label].startup.push(await startupOnly(t));
}

for (let r = 0; r < opts.rounds; r++) {
  for (const t of targets) {
    const round = await echoRound(t);
    results[t.label].rounds.push(round);
    process.stderr.write(`[e2e] round ${r + 1}/${opts.rounds} ${t.label}: p50 ${round.p50.toFixed(3)} ms, p99 ${round.p99.toFixed(3)} ms, CPU ${round.cpuUsPerCall.toFixed(1)} µs/call, switches ${(round.voluntarySwitchesPerCall + round.involuntarySwitchesPerCall).toFixed(2)}/call, idle RSS ${round.idleRssKiB} KiB\n`);
  }
}

const summary = {};
for (const t of targets) {
  const res = results[t.label];
  const startupSorted = [...res.startup].sort((a, b) => a - b);
  summary[t.label] = {
    command: t.command.join(" "),
    p50Ms: median(res.rounds.map((x) => x.p50)),
    p90Ms: median(res.rounds.map((x) => x.p90)),
    p99Ms: median(res.rounds.map((x) => x.p99)),
    meanMs: median(res.rounds.map((x) => x.mean)),
    startupMedianMs: median(res.startup),
    startupMinMs: startupSorted[0],
    startupMaxMs: startupSorted[startupSorted.length - 1],
    idleRssMiB: median(res.rounds.map((x) => x.idleRssKiB ?? NaN)) / 1024,
    cpuUsPerCall: median(res.rounds.map((x) => x.cpuUsPerCall)),
    switchesPerCall: median(res.rounds.map((x) => x.voluntarySwitchesPerCall + x.involuntarySwitchesPerCall)),
    perfTaskClockUsPerCall: median(res.rounds.map((x) => x.perfTaskClockUsPerCall)),
    perfSwitchesPerCall: median(res.rounds.map((x) => x.perfSwitchesPerCall)),
    afterCallsRssMiB: median(res.rounds.map((x) => x.afterRssKiB ?? NaN)) / 1024,
    peakRssMiB: Math.max(...res.rounds.map((x) => x.peakRssKiB ?? NaN)) / 1024,
    rounds: res.rounds,
    startupRunsMs: res.startup,
  };
}

const direct = summary.direct;
const fmt = (x, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");
console.log(`\n${opts.calls} sequential echo calls per round (after ${opts.warmup} warm-up calls), ${opts.rounds} rounds, medians of the rounds; start-up over ${opts.startupRuns} runs`);
console.log("| target | p50 ms | p90 ms | p99 ms | added p50 ms | start-up median ms (min-max) | added start-up ms | RSS idle MiB | RSS after calls MiB |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const t of targets) {
  const s = summary[t.label];
  const isDirect = t.label === "direct";
  console.log(`| ${t.label} | ${fmt(s.p50Ms)} | ${fmt(s.p90Ms)} | ${fmt(s.p99Ms)} | ${isDirect ? "-" : fmt(s.p50Ms - direct.p50Ms)} | ${fmt(s.startupMedianMs, 1)} (${fmt(s.startupMinMs, 1)}-${fmt(s.startupMaxMs, 1)}) | ${isDirect ? "-" : fmt(s.startupMedianMs - direct.startupMedianMs, 1)} | ${fmt(s.idleRssMiB, 1)} | ${fmt(s.afterCallsRssMiB, 1)} |`);
}
console.log("(RSS of `direct` is the node server itself; of a vanguard target, the vanguard process only, without its node child.)");
console.log("\n| target | relay CPU µs per call (/proc schedstat, all threads) | context switches per call | perf task-clock µs per call | perf context switches per call |");
console.log("|---|---|---|---|---|");
for (const t of targets.filter((x) => x.label !== "direct")) {
  const s = summary[t.label];
  console.log(`| ${t.label} | ${fmt(s.cpuUsPerCall, 1)} | ${fmt(s.switchesPerCall, 2)} | ${fmt(s.perfTaskClockUsPerCall, 1)} | ${fmt(s.perfSwitchesPerCall, 2)} |`);
}

if (opts.json) writeFileSync(opts.json, JSON.stringify({ when: new Date().toISOString(), opts, summary }, null, 2));
