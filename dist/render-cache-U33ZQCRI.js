const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  RenderCache
} from "./chunk-IWQCMWJV.js";
import "./chunk-7YU2TCNT.js";
import "./chunk-U6SD63CJ.js";
import "./chunk-G2JO43PJ.js";
import "./chunk-54KBGAUC.js";
import "./chunk-2QGGJF6Q.js";
export {
  RenderCache
};
