// Finding the interpreter that runs the server, and checking it before the server starts.
import { execFile } from "child_process";
import * as path from "path";
import * as vscode from "vscode";
import { configuredPython } from "./settings";

export interface PythonCheck {
  python: string;
  version: string;
  torch: string | null; // torch's version, or null when it does not import
  problem: string | null; // why the server cannot start with this interpreter
}

/** The `mlkata.python` setting, else the Python extension's active interpreter, else python3. */
export async function findPython(): Promise<string> {
  const configured = configuredPython();
  if (configured) return configured;
  const ext = vscode.extensions.getExtension("ms-python.python");
  if (ext) {
    try {
      const api = ext.isActive ? ext.exports : await ext.activate();
      const env = api?.environments?.getActiveEnvironmentPath?.();
      const resolved = env ? await api.environments.resolveEnvironment(env) : undefined;
      const exe = resolved?.executable?.uri?.fsPath ?? env?.path;
      if (exe) return exe;
    } catch {
      // fall through to python3
    }
  }
  return process.platform === "win32" ? "python" : "python3";
}

// It reports facts (too old, the import error); the words are the client's, in VS Code's display language.
const PROBE = `
import json, sys
out = {"version": sys.version.split()[0], "torch": None, "tooOld": sys.version_info < (3, 11), "importError": None}
if not out["tooOld"]:
    try:
        import pygls, lsprotocol, attrs, cattrs, mlkata.server.app
    except Exception as exc:
        out["importError"] = "%s: %s" % (type(exc).__name__, exc)
try:
    import torch
    out["torch"] = torch.__version__
except Exception:
    pass
print(json.dumps(out))
`;

/** Run the interpreter once to check its version, the server's imports, and torch. */
export function checkPython(python: string, env: NodeJS.ProcessEnv): Promise<PythonCheck> {
  return new Promise((resolve) => {
    execFile(python, ["-c", PROBE], { env, timeout: 60000 }, (err, stdout, stderr) => {
      if (err && !stdout) {
        const why = (err as NodeJS.ErrnoException).code === "ENOENT" ? vscode.l10n.t("not found") : (stderr || err.message).trim();
        resolve({ python, version: "", torch: null, problem: vscode.l10n.t("cannot run the interpreter {0}: {1}", python, why) });
        return;
      }
      try {
        const parsed = JSON.parse(stdout.trim().split("\n").pop() ?? "{}");
        const problem = parsed.tooOld
          ? vscode.l10n.t("Python {0} is too old: ML Kata needs Python 3.11 or newer", parsed.version)
          : parsed.importError
            ? vscode.l10n.t("the ML Kata server does not import ({0})", parsed.importError)
            : null;
        resolve({ python, version: parsed.version, torch: parsed.torch ?? null, problem });
      } catch {
        resolve({ python, version: "", torch: null, problem: vscode.l10n.t("unexpected output from {0}: {1}", python, stdout.slice(0, 200)) });
      }
    });
  });
}

/**
 * PYTHONPATH for the server: the source tree when running from a checkout (it exists only there),
 * then the bundled server and its pure-Python dependencies that the .vsix carries.
 */
export function serverPythonPath(extensionPath: string, existing: string | undefined): string {
  const source = path.join(extensionPath, "server");
  const bundled = path.join(extensionPath, "client", "bundled", "python");
  const parts = [source, bundled];
  if (existing) parts.push(existing);
  return parts.join(path.delimiter);
}
