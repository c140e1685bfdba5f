// Gateway benchmark harness: starts the HTTP gateways (vanguard serve, supergateway, mcp-proxy), each in front of its
// own copy of the same server-everything, and measures with the official TypeScript SDK client over Streamable HTTP:
//   - memory: RSS of the gateway process and of its whole process tree, idle and with N idle sessions open;
//   - sequential: one session, warm-up, then --calls `echo` calls one after another -> p50/p95/p99 per call;
//   - concurrent: --sessions sessions x --per-session calls, all sessions calling at once -> calls/s and p99.
//
//   node bench/gateway/gateway-bench.mjs --targets targets.json [--calls 1000] [--warmup 200] [--sessions 20]
//        [--per-session 200] [--idle-sessions 10] [--rounds 5] [--json out.json]
//
// targets.json is a list of {label, command: [exe, args...], env: {}, headers: {}, path: "/mcp"}; "{port}" in any
// command argument is replaced with a free loopback port. Everything listens on 127.0.0.1 and is stopped here.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "package.json"));
const { Client } = require("@modelcontextprotocol/sdk/client/index.js");
const { StreamableHTTPClientTransport } = require("@modelcontextprotocol/sdk/client/streamableHttp.js");

function parseArgs(argv) {
  const opts = { targets: null, calls: 1000, warmup: 200, sessions: 20, perSession: 200, idleSessions: 10, rounds: 5, json: null };
  for (let i = 0; i < argv.length; i++) {
    const next = () => argv[++i];
    switch (argv[i]) {
      case "--targets": opts.targets = next(); break;
      case "--calls": opts.calls = Number(next()); break;
      case "--warmup": opts.warmup = Number(next()); break;
      case "--sessions": opts.sessions = Number(next()); break;
      case "--per-session": opts.perSession = Number(next()); break;
      case "--idle-sessions": opts.idleSessions = Number(next()); break;
      case "--rounds": opts.rounds = Number(next()); break;
      case "--json": opts.json = next(); break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!opts.targets) throw new Error("give --targets FILE.json");
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const targets = JSON.parse(readFileSync(opts.targets, "utf8"));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// --- memory: the gateway's own RSS and that of its whole process tree, from /proc ------------------------------------
function readProcTable() {
  const table = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      table.set(Number(name), { ppid, rssKb });
    } catch {
      // The process ended while we read the table.
    }
  }
  return table;
}

function treeRss(rootPid) {
  const table = readProcTable();
  const children = new Map();
  for (const [pid, { ppid }] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  let total = 0;
  let count = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop();
    const entry = table.get(pid);
    if (!entry) continue;
    total += entry.rssKb;
    count++;
    stack.push(...(children.get(pid) ?? []));
  }
  return { selfMiB: (table.get(rootPid)?.rssKb ?? 0) / 1024, treeMiB: total / 1024, processes: count };
}

// --- clients -------------------------------------------------------------------------------------------------------
async function connect(url, headers) {
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  const client = new Client({ name: "vanguard-gateway-bench", version: "1.0.0" });
  await client.connect(transport);
  return {
    client,
    async close() {
      // DELETE ends the session on the gateway, so it can stop the session's child.
      try { await transport.terminateSession(); } catch { /* not every gateway supports DELETE */ }
      try { await client.close(); } catch { /* already closed */ }
    },
  };
}

async function echo(client, i) {
  const result = await client.callTool({ name: "echo", arguments: { message: `bench message ${i}` } });
  if (result.isError || !result.content?.[0]?.text?.includes(`bench message ${i}`)) {
    throw new Error(`echo ${i} returned an unexpected result: ${JSON.stringify(result).slice(0, 300)}`);
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

function summarise(latenciesMs) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean };
}

async function timedCalls(client, count, offset) {
  const latencies = new Array(count);
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    await echo(client, offset + i);
    latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return latencies;
}

// --- one gateway ---------------------------------------------------------------------------------------------------
async function startGateway(target) {
  const port = await freePort();
  const command = target.command.map((a) => a.replaceAll("{port}", String(port)));
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, ...(target.env ?? {}) },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that stopping it also stops the per-session server children it spawned.
    detached: true,
  });
  let tail = "";
  const keep = (chunk) => { tail = (tail + chunk.toString()).slice(-4000); };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = false;
  child.on("exit", () => { exited = true; });
  const url = `http://127.0.0.1:${port}${target.path ?? "/mcp"}`;

  // Ready when an MCP session can be opened (a gateway may listen before it can serve).
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${target.label} exited during start-up:\n${tail}`);
    try {
      const probe = await connect(url, target.headers ?? {});
      await echo(probe.client, -1);
      await probe.close();
      break;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`${target.label} not ready after 60 s: ${e.message}\n${tail}`);
      await sleep(250);
    }
  }

  return {
    url,
    pid: child.pid,
    tail: () => tail,
    async stop() {
      if (exited) return;
      try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ }
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited) {
        try { process.kill(-child.pid, "SIGKILL"); } catch { /* already gone */ }
      }
    },
  };
}

// All gateways run at once and the timed work is interleaved in rounds (the order rotating each round), so that the
// background load of a shared machine falls on every gateway alike instead of on whichever ran during a busy minute.
async function measureAll(targets) {
  const gateways = [];
  const results = targets.map((t) => ({ label: t.label }));
  try {
    for (const target of targets) {
      process.stderr.write(`[gateway-bench] starting ${target.label} ...\n`);
      gateways.push(await startGateway(target));
    }
    const headers = (i) => targets[i].headers ?? {};
    await sleep(1000);

    // Memory, one gateway at a time, before the load runs grow the heaps.
    for (let i = 0; i < targets.length; i++) {
      const gw = gateways[i];
      const idle = treeRss(gw.pid);
      const idleSessions = [];
      for (let k = 0; k < opts.idleSessions; k++) {
        const s = await connect(gw.url, headers(i));
        await echo(s.client, k);
        idleSessions.push(s);
      }
      await sleep(2000);
      const loaded = treeRss(gw.pid);
      await Promise.all(idleSessions.map((s) => s.close()));
      results[i].memory = {
        idleSelfMiB: idle.selfMiB,
        idleTreeMiB: idle.treeMiB,
        sessions: opts.idleSessions,
        loadedSelfMiB: loaded.selfMiB,
        loadedTreeMiB: loaded.treeMiB,
        loadedProcesses: loaded.processes,
        perSessionSelfMiB: (loaded.selfMiB - idle.selfMiB) / opts.idleSessions,
        perSessionTreeMiB: (loaded.treeMiB - idle.treeMiB) / opts.idleSessions,
      };
    }
    await sleep(1000);

    // Sequential: one session per gateway, warmed up, then the timed calls in interleaved rounds.
    const seq = [];
    for (let i = 0; i < targets.length; i++) {
      const s = await connect(gateways[i].url, headers(i));
      await timedCalls(s.client, opts.warmup, 0);
      seq.push({ session: s, latencies: [] });
    }
    const perRound = Math.ceil(opts.calls / opts.rounds);
    for (let r = 0; r < opts.rounds; r++) {
      for (const i of rotation(targets.length, r)) {
        seq[i].latencies.push(...(await timedCalls(seq[i].session.client, perRound, opts.warmup + r * perRound)));
      }
    }
    for (let i = 0; i < targets.length; i++) {
      results[i].sequential = summarise(seq[i].latencies);
      await seq[i].session.close();
    }

    // Concurrent: per gateway, every session opened first (start-up not timed) with one warm-up call; then rounds in
    // which each gateway in turn has all its sessions calling at once while the others are idle.
    const conc = [];
    for (let i = 0; i < targets.length; i++) {
      const sessions = [];
      for (let k = 0; k < opts.sessions; k++) {
        const s = await connect(gateways[i].url, headers(i));
        await echo(s.client, k);
        sessions.push(s);
      }
      conc.push({ sessions, latencies: [], wallMs: 0 });
    }
    const perSessionRound = Math.ceil(opts.perSession / opts.rounds);
    for (let r = 0; r < opts.rounds; r++) {
      for (const i of rotation(targets.length, r)) {
        const t0 = process.hrtime.bigint();
        const all = await Promise.all(conc[i].sessions.map((s, k) => timedCalls(s.client, perSessionRound, (k * opts.rounds + r) * perSessionRound)));
        conc[i].wallMs += Number(process.hrtime.bigint() - t0) / 1e6;
        conc[i].latencies.push(...all.flat());
      }
    }
    for (let i = 0; i < targets.length; i++) {
      await Promise.all(conc[i].sessions.map((s) => s.close()));
      results[i].concurrent = {
        sessions: opts.sessions,
        callsPerSession: perSessionRound * opts.rounds,
        wallMs: conc[i].wallMs,
        callsPerSecond: conc[i].latencies.length / (conc[i].wallMs / 1000),
        ...summarise(conc[i].latencies),
      };
    }
  } catch (e) {
    const tails = gateways.map((g, i) => `--- ${targets[i].label}:\n${g.tail()}`).join("\n");
    for (const r of results) r.error ??= `${e.message}\n${tails}`;
  } finally {
    for (const gw of gateways) await gw.stop();
  }
  return results;
}

/** 0..n-1 starting at r mod n, so that no gateway always runs first (or right after another one) in a round. */
function rotation(n, r) {
  return Array.from({ length: n }, (_, k) => (k + r) % n);
}

// --- run -----------------------------------------------------------------------------------------------------------
const results = await measureAll(targets);
for (const r of results) {
  if (r.error) process.stderr.write(`[gateway-bench] ${r.label} failed: ${r.error}\n`);
}

const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "–");
const lines = [];
lines.push(`| gateway | seq p50 ms | seq p95 ms | seq p99 ms | conc calls/s | conc p50 ms | conc p99 ms | idle RSS MiB (gw / tree) | per idle session MiB (gw / tree) |`);
lines.push(`|---|---|---|---|---|---|---|---|---|`);
for (const r of results) {
  if (r.error) {
    lines.push(`| ${r.label} | failed: ${r.error.split("\n")[0]} | | | | | | | |`);
    continue;
  }
  const m = r.memory, s = r.sequential, c = r.concurrent;
  lines.push(`| ${r.label} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${f(c.callsPerSecond, 0)} | ${f(c.p50)} | ${f(c.p99)} | ${f(m.idleSelfMiB, 0)} / ${f(m.idleTreeMiB, 0)} | ${f(m.perSessionSelfMiB, 1)} / ${f(m.perSessionTreeMiB, 1)} |`);
}
console.log(lines.join("\n"));
console.log(`\n${opts.calls} sequential echo calls after ${opts.warmup} warm-up; concurrent: ${opts.sessions} sessions x ${opts.perSession} calls; both in ${opts.rounds} interleaved rounds; memory with ${opts.idleSessions} idle sessions.`);

if (opts.json) {
  writeFileSync(opts.json, JSON.stringify({ when: new Date().toISOString(), options: opts, results }, null, 2));
}
process.exit(results.some((r) => r.error) ? 1 : 0);
