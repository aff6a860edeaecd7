import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  createGitHubClient
} from "./chunk-U2C2GPMW.js";
import "./chunk-RNX6SO6L.js";
import "./chunk-GVNCFEC6.js";
import "./chunk-NKRLB5FG.js";
export {
  createGitHubClient
};
