const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));

// src/process/run-process.ts
import { spawn } from "node:child_process";
function runProcess(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const stdin = options.input === void 0 ? "ignore" : "pipe";
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: [stdin, "pipe", "pipe"] });
    const stdout = [];
    const stderr = [];
    if (!child.stdout || !child.stderr) throw new Error(`internal: ${command} was started without pipes for its output`);
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8")
      });
    });
    if (child.stdin) {
      child.stdin.on("error", () => void 0);
      child.stdin.end(options.input);
    }
  });
}
async function mapWithLimit(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(workers);
  return results;
}

export {
  runProcess,
  mapWithLimit
};
