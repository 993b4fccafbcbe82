// npm run package: bundle the client, put the server, its pure-Python dependencies and the problem
// bank under client/bundled/python, and build mlkata-<version>.vsix with @vscode/vsce (Node >= 22).
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "../..");
const bundled = path.join(root, "client", "bundled", "python");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
// The server's pure-Python dependencies, pinned to what the tests run against. torch is not
// bundled: it comes from the user's interpreter.
const PY_DEPS = ["pygls==2.1.1", "lsprotocol==2025.0.0", "cattrs==26.2.1", "attrs==26.1.0", "typing_extensions>=4.12", "fsrs==6.3.2"];

function run(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.join(" ")}`);
  execFileSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
}

const python = process.env.MLKATA_PYTHON || "python3";
fs.rmSync(path.join(root, "client", "bundled"), { recursive: true, force: true });
run("npm", ["run", "--silent", "build"]);
run(python, ["-m", "pip", "install", "--quiet", "--no-compile", "--target", bundled, "--no-deps", ".", ...PY_DEPS]);
for (const junk of fs.readdirSync(bundled)) {
  if (junk.endsWith(".dist-info") || junk === "bin" || junk === "__pycache__") {
    fs.rmSync(path.join(bundled, junk), { recursive: true, force: true });
  }
}

const { TOOLS, NODE24_BIN } = require("../e2e/tools");
const vsce = process.env.MLKATA_VSCE || path.join(TOOLS, "vsce", "node_modules", ".bin", "vsce");
if (!fs.existsSync(vsce)) {
  fs.mkdirSync(path.join(TOOLS, "vsce"), { recursive: true });
  run("npm", ["install", "--no-audit", "--no-fund", "--prefix", path.join(TOOLS, "vsce"), "@vscode/vsce@4.1.0"]);
}
const out = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
// vsce 4 wants Node >= 22: use the Node 24 that client/e2e/setup.sh installs when it is there.
const env = fs.existsSync(NODE24_BIN) ? { ...process.env, PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH}` } : process.env;
run(vsce, ["package", "--no-dependencies", "--allow-missing-repository", "--skip-license", "--readme-path", "client/README.md", "-o", out], { env });
console.log(`built ${out}`);
