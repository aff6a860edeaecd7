import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  createGitHubClient
} from "./chunk-ETSK3VLM.js";
import "./chunk-XGS3CYKT.js";
import "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";
export {
  createGitHubClient
};
