// Imported first by src/index.ts: ES modules are evaluated in import order, so this runs before any
// other module of the bundle, some of which fail on an older Node with an unreadable stack trace.
import { isSupportedNode, unsupportedNodeMessage } from './supported-node.js';

if (!isSupportedNode(process.versions.node)) {
  process.stderr.write(`${unsupportedNodeMessage(process.versions.node)}\n`);
  process.exit(1);
}
