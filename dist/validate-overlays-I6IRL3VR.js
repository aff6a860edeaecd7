const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  validateOverlays
} from "./chunk-VCWQG7Y2.js";
import "./chunk-4ZFFXSDR.js";
import "./chunk-4YU4CECX.js";
import "./chunk-BMJ2XMMR.js";
import "./chunk-6OONQOCK.js";
import "./chunk-ZPRKAVRY.js";
import "./chunk-TTI4HSH7.js";
import "./chunk-U6SD63CJ.js";
import "./chunk-7NEIRWOQ.js";
import "./chunk-G2JO43PJ.js";
import "./chunk-2LXQPLVS.js";
import "./chunk-54KBGAUC.js";
import "./chunk-OKDCWDB5.js";
import "./chunk-KBKTDO2V.js";
import "./chunk-2QGGJF6Q.js";
export {
  validateOverlays
};
