import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  ISSUE_MARKER,
  chainDiagram,
  issueBody,
  itemKeysIn,
  summaryMarkdown
} from "./chunk-TDRLZJHW.js";
import "./chunk-GSVFKKFK.js";
import "./chunk-67GET7MB.js";
import "./chunk-4SVVSOLR.js";
import "./chunk-OYWCN2N3.js";
import "./chunk-NKRLB5FG.js";
export {
  ISSUE_MARKER,
  chainDiagram,
  issueBody,
  itemKeysIn,
  summaryMarkdown
};
