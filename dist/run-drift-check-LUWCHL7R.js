import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  keepTrackingIssueIfAsked,
  runDriftCheck
} from "./chunk-KMRUVULG.js";
import "./chunk-SGIT4A7Q.js";
import "./chunk-AO5KOWV2.js";
import "./chunk-PAIEH5KT.js";
import "./chunk-GSVFKKFK.js";
import "./chunk-AHHBC6QQ.js";
import "./chunk-DJUGTKEB.js";
import "./chunk-VAK3YKLZ.js";
import "./chunk-67GET7MB.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import "./chunk-VN7I4G2T.js";
import "./chunk-5F2GK5IQ.js";
import "./chunk-EGBC2XVV.js";
import "./chunk-LEXSCJCZ.js";
import "./chunk-W4H2XYZO.js";
import "./chunk-DYOLF7OW.js";
import "./chunk-JMTLMK35.js";
import "./chunk-ZHINN24W.js";
import "./chunk-EVMGEMOW.js";
import "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";
export {
  keepTrackingIssueIfAsked,
  runDriftCheck
};
