const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  RenderCache
} from "./chunk-OERJUKZP.js";
import "./chunk-DUL2W4ZY.js";
import "./chunk-U6SD63CJ.js";
import "./chunk-QBU2F7BR.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";
export {
  RenderCache
};
