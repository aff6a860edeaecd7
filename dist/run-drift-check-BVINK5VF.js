import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  keepTrackingIssueIfAsked,
  runDriftCheck
} from "./chunk-EG7FHU7W.js";
import "./chunk-NM7TA3AE.js";
import "./chunk-UHIU3Y76.js";
import "./chunk-SGIT4A7Q.js";
import "./chunk-FDGHBR7F.js";
import "./chunk-GSVFKKFK.js";
import "./chunk-67GET7MB.js";
import "./chunk-BUW5YIGW.js";
import "./chunk-H4GQGFUK.js";
import "./chunk-JNBO66AN.js";
import "./chunk-RVUGUYNP.js";
import "./chunk-RPRI2R5J.js";
import "./chunk-O7S6RA7Q.js";
import "./chunk-7HOJAJTS.js";
import "./chunk-3T35SNPT.js";
import "./chunk-3YPDG6NJ.js";
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
