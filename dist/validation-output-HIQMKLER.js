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
} from "./chunk-6PG4I2TJ.js";
import "./chunk-2LG6PE6H.js";
import "./chunk-5F2GK5IQ.js";
import "./chunk-ZHINN24W.js";
import "./chunk-EVMGEMOW.js";
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
