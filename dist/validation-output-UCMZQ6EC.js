import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  annotate,
  annotateFindings,
  annotationPrefix,
  reportJson,
  showValidationReport,
  validationFailure,
  writeValidationSummary
} from "./chunk-NTXDYIHV.js";
import "./chunk-2LG6PE6H.js";
import "./chunk-4SVVSOLR.js";
import "./chunk-ZHINN24W.js";
import "./chunk-M6GC7A4E.js";
import "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";
export {
  annotate,
  annotateFindings,
  annotationPrefix,
  reportJson,
  showValidationReport,
  validationFailure,
  writeValidationSummary
};
