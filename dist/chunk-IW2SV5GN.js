const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  readFolder
} from "./chunk-2TLWLIFK.js";

// src/inputs/repo-location.ts
import { resolve } from "node:path";
function readRepoLocation(github) {
  const path = readFolder("path");
  if (path !== "") return { kind: "checkout", path };
  if (github.repository !== "" && github.token !== "") return { kind: "github-api" };
  return { kind: "checkout", path: resolve("."), missing: github.repository === "" ? "repository" : "token" };
}

export {
  readRepoLocation
};
