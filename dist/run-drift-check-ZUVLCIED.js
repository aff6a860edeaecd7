import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  keepTrackingIssueIfAsked,
  runDriftCheck
} from "./chunk-H63ZBL3K.js";
import "./chunk-NM7TA3AE.js";
import "./chunk-UHIU3Y76.js";
import "./chunk-SGIT4A7Q.js";
import "./chunk-76W3VFST.js";
import "./chunk-GSVFKKFK.js";
import "./chunk-67GET7MB.js";
import "./chunk-BUW5YIGW.js";
import "./chunk-H4GQGFUK.js";
import "./chunk-R6D475D4.js";
import "./chunk-RVUGUYNP.js";
import "./chunk-3BI4KOZW.js";
import "./chunk-KAEWAEI4.js";
import "./chunk-7HOJAJTS.js";
import "./chunk-3T35SNPT.js";
import "./chunk-JPUJ5SV7.js";
import "./chunk-ZIFJSN7V.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-KZG5HD5P.js";
import "./chunk-XGS3CYKT.js";
import "./chunk-2FLGLOP2.js";
import "./chunk-TLFP6N4M.js";
import "./chunk-JMTLMK35.js";
import "./chunk-5F2GK5IQ.js";
import "./chunk-ZHINN24W.js";
import "./chunk-EVMGEMOW.js";
import "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";
export {
  keepTrackingIssueIfAsked,
  runDriftCheck
};
