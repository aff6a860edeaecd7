import { createRequire as __gitopsPromoteRequire } from 'node:module';
const require = __gitopsPromoteRequire(import.meta.url);
import {
  keepTrackingIssueIfAsked,
  runDriftCheck
} from "./chunk-HW5XV2QV.js";
import "./chunk-YQOTT7I7.js";
import "./chunk-OFDKHBIH.js";
import "./chunk-SMSU3UAO.js";
import "./chunk-GSVFKKFK.js";
import "./chunk-2JXBQFZJ.js";
import "./chunk-UUB3QQNO.js";
import "./chunk-ZPVPSR7X.js";
import "./chunk-67GET7MB.js";
import "./chunk-CIZPIZZI.js";
import "./chunk-XGS3CYKT.js";
import "./chunk-VN7I4G2T.js";
import "./chunk-4SVVSOLR.js";
import "./chunk-RMVQ2IXY.js";
import "./chunk-ZYE3XIZL.js";
import "./chunk-FDWZC66W.js";
import "./chunk-DYOLF7OW.js";
import "./chunk-JMTLMK35.js";
import "./chunk-ZHINN24W.js";
import "./chunk-M6GC7A4E.js";
import "./chunk-IFQTFODU.js";
import "./chunk-NKRLB5FG.js";
export {
  keepTrackingIssueIfAsked,
  runDriftCheck
};
