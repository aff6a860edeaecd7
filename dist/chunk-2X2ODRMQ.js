const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  holdFilePath,
  holdRefusal,
  holdStands,
  parseHold
} from "./chunk-FVDTIBEF.js";
import {
  warning
} from "./chunk-NZZWJ5E7.js";
import {
  UserError
} from "./chunk-KBKTDO2V.js";

// src/holds/read-hold.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
async function readHold(root, environment, now = Date.now()) {
  const file = holdFilePath(environment);
  let text;
  try {
    text = await readFile(join(root, file), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
  const hold = parseHold(text, file, environment);
  return { hold, file, standing: holdStands(hold, now) };
}
async function refuseIfHeld(root, environment, override, command) {
  const found = await readHold(root, environment);
  if (!found?.standing) return void 0;
  if (!override) throw new UserError(holdRefusal(found.hold, found.file, command));
  warning(`override-hold: true, so ${command} goes ahead although ${found.file} holds ${environment} (${found.hold.why || "no reason given"}).`);
  return found;
}
function overriddenHoldNote(found) {
  const { environment, who, when, why } = found.hold;
  return `> [!WARNING]
> This change overrides the hold on ${environment} (override-hold: true): put by ${who} since ${when}${why ? `, "${why}"` : ""} (\`${found.file}\`).`;
}

export {
  readHold,
  refuseIfHeld,
  overriddenHoldNote
};
