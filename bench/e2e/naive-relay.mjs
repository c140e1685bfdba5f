// The control for the end-to-end benchmark: a zero-inspection pass-through relay in Node, invoked like vanguard
// (`node naive-relay.mjs start -- CMD ARGS`). It spawns the server and pipes bytes both ways, nothing else.
import { spawn } from "node:child_process";

const sep = process.argv.indexOf("--");
const [cmd, ...args] = process.argv.slice(sep + 1);
const child = spawn(cmd, args, { stdio: ["pipe", "pipe", "inherit"] });
process.stdin.pipe(child.stdin);
child.stdout.pipe(process.stdout);
child.on("exit", (code) => process.exit(code ?? 1));
process.stdin.on("end", () => child.stdin.end());
