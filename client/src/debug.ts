// "Debug this case": the server writes a script reproducing one hidden test; run it under the debugger.
import * as path from "path";
import * as vscode from "vscode";
import type { Log } from "./serverApi";

/** What the server's debugCase command returns. */
export interface DebugCase {
  path: string;
  python: string;
  uri: string;
  test: string;
}

/** How a debug script ended: its exit code and output when they are known (a terminal with shell integration). */
export interface DebugOutcome {
  exitCode?: number;
  output?: string;
}

/** A started debug script: where it runs, and a promise of how it ended (resolved at once when that cannot be known). */
export interface DebugLaunch {
  how: "debugger" | "terminal";
  terminal?: vscode.Terminal;
  finished: Promise<DebugOutcome>;
}

/** How long a new terminal's shell may take to report the command through its shell integration (a loaded machine's first terminal takes seconds). */
const NO_INTEGRATION_MS = 20000;

/** The name of the debug session or terminal that runs the script of a test. */
export function debugName(test: string): string {
  return vscode.l10n.t("ML Kata: {0}", test);
}

/** Run a "debug this case" script: under the Python debugger when it is installed, else in a terminal. */
export async function debugCase(r: DebugCase, log: Log): Promise<DebugLaunch> {
  // The script runs the file on disk: save the editor's text first.
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri);
  if (doc?.isDirty) await doc.save();
  const script = vscode.Uri.file(r.path);
  await vscode.window.showTextDocument(script, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  const debugType = vscode.extensions.getExtension("ms-python.debugpy")
    ? "debugpy"
    : vscode.extensions.getExtension("ms-python.python")
      ? "python"
      : undefined;
  const cwd = path.dirname(r.path);
  const name = debugName(r.test);
  if (debugType) {
    const ended = sessionEnd(name);
    const started = await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(script), {
      type: debugType,
      request: "launch",
      name,
      program: r.path,
      python: r.python,
      cwd,
      console: "integratedTerminal",
      justMyCode: true,
    });
    if (started) return { how: "debugger", finished: ended.promise };
    ended.dispose();
    log.warn(`the Python debugger did not start for ${r.path}: running it in a terminal`);
  }
  return runInTerminal(name, cwd, r.python, r.path);
}

/** Resolves when the debug session of that name ends. */
function sessionEnd(name: string): { promise: Promise<DebugOutcome>; dispose(): void } {
  let sub: vscode.Disposable | undefined;
  const promise = new Promise<DebugOutcome>((resolve) => {
    sub = vscode.debug.onDidTerminateDebugSession((s) => {
      if (s.name !== name) return;
      sub?.dispose();
      resolve({});
    });
  });
  return { promise, dispose: () => sub?.dispose() };
}

// Shell integration (VS Code 1.93+): typed here, since the extension still runs on 1.91, where it is absent.
interface ShellExecution {
  readonly commandLine: { readonly value: string };
  read(): AsyncIterable<string>;
}
interface ShellExecutionEvent {
  readonly terminal: vscode.Terminal;
  readonly execution: ShellExecution;
}
interface ShellWindow {
  onDidStartTerminalShellExecution?: vscode.Event<ShellExecutionEvent>;
  onDidEndTerminalShellExecution?: vscode.Event<ShellExecutionEvent & { readonly exitCode: number | undefined }>;
}

/**
 * Run the script in a new terminal, typed into its shell at once. When the shell reports the command
 * through its shell integration, `finished` gives the exit code and the output; without it (an
 * older VS Code, a shell without integration, nothing reported within NO_INTEGRATION_MS) they are unknown.
 */
function runInTerminal(name: string, cwd: string, python: string, script: string): DebugLaunch {
  const terminal = vscode.window.createTerminal({ name, cwd });
  terminal.show();
  const finished = watchCommand(terminal, script);
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  terminal.sendText(`${quote(python)} ${quote(script)}`);
  return { how: "terminal", terminal, finished };
}

/** How the terminal's command running script ends, as its shell integration reports it ({} when it reports nothing). */
function watchCommand(terminal: vscode.Terminal, script: string): Promise<DebugOutcome> {
  const events = vscode.window as unknown as ShellWindow;
  const { onDidStartTerminalShellExecution: onStart, onDidEndTerminalShellExecution: onEnd } = events;
  if (!onStart || !onEnd) return Promise.resolve({});
  return new Promise((resolve) => {
    const chunks: string[] = [];
    let mine: ShellExecution | undefined;
    let reading: Promise<void> = Promise.resolve();
    const subscriptions: vscode.Disposable[] = [];
    const done = async (exitCode: number | undefined): Promise<void> => {
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      await Promise.race([reading, new Promise((r) => setTimeout(r, 2000))]); // the rest of the output, if it lags
      resolve(mine ? { exitCode, output: withoutEscapes(chunks.join("")) } : {});
    };
    const timer = setTimeout(() => {
      if (!mine) void done(undefined);
    }, NO_INTEGRATION_MS);
    subscriptions.push(
      onStart((e) => {
        if (e.terminal !== terminal || mine || !e.execution.commandLine.value.includes(script)) return;
        mine = e.execution;
        const stream = e.execution.read(); // at once: the output from its first byte
        reading = (async () => {
          for await (const data of stream) chunks.push(data);
        })();
      }),
      onEnd((e) => {
        if (e.execution === mine) void done(e.exitCode);
      }),
      vscode.window.onDidCloseTerminal((t) => {
        if (t === terminal) void done(undefined);
      }),
    );
  });
}

/** Terminal output without its escape sequences (colours, the shell integration's own marks). */
export function withoutEscapes(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]/g, "").replace(/\r/g, "");
}
