// ML Kata in VS Code: starts the language server and renders what it returns.
import * as path from "path";
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { checkPython, findPython, serverPythonPath } from "./python";
import { MockClock } from "./mock";
import { Pages } from "./pages";
import { ProblemsView, Problem } from "./problems";
import { HiddenTests, RunReport } from "./testing";

const LAUNCH_SETTINGS = ["mlkata.python"];

export class MlKata {
  client: LanguageClient | undefined;
  readonly log: vscode.LogOutputChannel;
  readonly status: vscode.LanguageStatusItem;
  readonly problems: ProblemsView;
  readonly tests: HiddenTests;
  readonly pages: Pages;
  readonly mock: MockClock;
  private ready: Promise<void> = Promise.resolve();
  private problemCache: Problem[] = [];

  constructor(readonly context: vscode.ExtensionContext) {
    this.log = vscode.window.createOutputChannel("ML Kata", { log: true });
    this.status = vscode.languages.createLanguageStatusItem("mlkata.server", { language: "python" });
    this.status.name = "ML Kata";
    this.status.command = { title: "Show logs", command: "mlkata.showLogs" };
    this.pages = new Pages(context);
    this.problems = new ProblemsView(this);
    this.tests = new HiddenTests(this);
    this.mock = new MockClock(this);
    context.subscriptions.push(this.log, this.status, this.tests, this.mock);
  }

  private setStatus(text: string, severity = vscode.LanguageStatusSeverity.Information, busy = false): void {
    this.status.text = text;
    this.status.severity = severity;
    this.status.busy = busy;
  }

  /** Start (or restart) the server with the interpreter the settings name. */
  start(): Promise<void> {
    let markReady: () => void = () => undefined;
    // Commands wait for this (not for the whole start, which itself calls commands once up).
    this.ready = new Promise((resolve) => (markReady = resolve));
    return this.doStart(markReady).finally(markReady);
  }

  private async doStart(markReady: () => void): Promise<void> {
    await this.stop();
    this.setStatus("ML Kata: starting", vscode.LanguageStatusSeverity.Information, true);
    const python = await findPython();
    const env = { ...process.env, PYTHONPATH: serverPythonPath(this.context.extensionPath, process.env.PYTHONPATH) };
    const check = await checkPython(python, env);
    this.log.info(`interpreter ${python}: Python ${check.version || "?"}, torch ${check.torch ?? "not installed"}`);
    if (check.problem) {
      this.setStatus("ML Kata: no usable Python", vscode.LanguageStatusSeverity.Error);
      this.log.error(check.problem);
      void vscode.window
        .showErrorMessage(`ML Kata cannot start: ${check.problem}.`, "Select Interpreter", "Show Logs")
        .then((pick) => {
          if (pick === "Select Interpreter") void this.selectInterpreter();
          if (pick === "Show Logs") this.log.show();
        });
      return;
    }
    if (!check.torch) {
      void vscode.window
        .showWarningMessage(
          `PyTorch is not installed in ${python}: the torch problems cannot run there (the pure-Python ones work). ` +
            "Pick an interpreter that has torch, or install it into this one (pip install torch).",
          "Select Interpreter",
        )
        .then((pick) => (pick ? this.selectInterpreter() : undefined));
    }
    const serverOptions: ServerOptions = {
      command: python,
      args: ["-m", "mlkata.server"],
      options: { env },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: "file", language: "python" }],
      initializationOptions: settings(),
      synchronize: { configurationSection: "mlkata" },
      outputChannel: this.log,
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => {
          // A crashing server is reported once, never restarted in a loop.
          this.setStatus("ML Kata: server stopped", vscode.LanguageStatusSeverity.Error);
          void vscode.window
            .showErrorMessage("The ML Kata server stopped unexpectedly.", "Show Logs", "Restart")
            .then((pick) => {
              if (pick === "Show Logs") this.log.show();
              if (pick === "Restart") void this.start();
            });
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
      middleware: {
        // Code lenses from the server call its commands: show what they return.
        executeCommand: async (command, args, next) => {
          const result = await next(command, args);
          await this.render(command, result);
          return result;
        },
      },
    };
    const client = new LanguageClient("mlkata", "ML Kata", serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setStatus(`ML Kata: ready (torch ${check.torch ?? "missing"})`);
    });
    try {
      await client.start();
    } catch (err) {
      this.setStatus("ML Kata: failed to start", vscode.LanguageStatusSeverity.Error);
      this.log.error(`server failed to start: ${err}`);
      void vscode.window.showErrorMessage(`ML Kata's server failed to start: ${err}`, "Show Logs").then((p) => {
        if (p) this.log.show();
      });
      return;
    }
    markReady();
    client.onNotification("mlkata/runFinished", (params: { uri: string; title: string; report: RunReport }) => {
      this.tests.update(params.uri, params.title, params.report);
      void this.problems.refresh();
    });
    client.onNotification("mlkata/mockEvent", (event: any) => void this.mock.onEvent(event));
    await this.problems.refresh();
    await this.mock.sync();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(5000);
      } catch (err) {
        this.log.warn(`stopping the server: ${err}`);
      }
    }
  }

  /** Run a server command (waiting for the server to be up); errors are shown, then rethrown. */
  async call<T = any>(command: string, arg: object = {}): Promise<T> {
    await this.ready;
    if (!this.client || !this.client.isRunning()) {
      throw new Error("the ML Kata server is not running (see ML Kata: Show Server Logs)");
    }
    return (await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [arg] })) as T;
  }

  async listProblems(): Promise<Problem[]> {
    const reply = await this.call<{ problems: Problem[] }>("mlkata.listProblems");
    this.problemCache = reply.problems;
    return reply.problems;
  }

  cachedProblems(): Problem[] {
    return this.problemCache;
  }

  async selectInterpreter(): Promise<void> {
    const commands = await vscode.commands.getCommands(true);
    if (commands.includes("python.setInterpreter")) {
      await vscode.commands.executeCommand("python.setInterpreter");
    } else {
      await vscode.commands.executeCommand("workbench.action.openSettings", "mlkata.python");
    }
  }

  /** Show the result of a server command the way a person wants to read it. */
  async render(command: string, result: any): Promise<void> {
    if (!result) return;
    switch (command) {
      case "mlkata.showStatement":
        await this.pages.showFile(vscode.Uri.file(result.path));
        break;
      case "mlkata.nextHint":
        await this.pages.hints(result);
        break;
      case "mlkata.runTests":
        this.tests.update(result.uri, result.title, result);
        break;
      case "mlkata.submitRound":
        await this.mock.onEvent(result);
        break;
      case "mlkata.debugCase":
        await this.debugCase(result);
        break;
    }
  }

  /** Run a "debug this case" script: under the Python debugger when it is installed, else in a terminal. */
  async debugCase(r: { path: string; python: string; uri: string; test: string }): Promise<void> {
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
    if (debugType) {
      const started = await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(script), {
        type: debugType,
        request: "launch",
        name: `ML Kata: ${r.test}`,
        program: r.path,
        python: r.python,
        cwd,
        console: "integratedTerminal",
        justMyCode: true,
      });
      if (started) return;
      this.log.warn(`the Python debugger did not start for ${r.path}: running it in a terminal`);
    }
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const terminal = vscode.window.createTerminal({ name: `ML Kata: ${r.test}`, cwd });
    terminal.show();
    terminal.sendText(`${quote(r.python)} ${quote(r.path)}`);
  }

  /** The problem id bound to the active editor (its first-line marker), if any. */
  activeProblem(): { id: string; uri: vscode.Uri } | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const match = /^\s*#\s*mlkata:\s*(\S+)/.exec(editor.document.lineAt(0).text);
    return match ? { id: match[1], uri: editor.document.uri } : undefined;
  }

  async pickProblem(title: string): Promise<string | undefined> {
    const bound = this.activeProblem();
    if (bound) return bound.id;
    const problems = await this.listProblems();
    const pick = await vscode.window.showQuickPick(problems.map(problemItem), { title, matchOnDescription: true });
    return pick?.id;
  }

  /** Create (or reuse) the solution file and open it with the statement beside it. */
  async openProblem(id: string): Promise<vscode.TextEditor> {
    const opened = await this.call<{ path: string; statementPath: string; created: boolean }>("mlkata.openProblem", { id });
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(opened.path));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await this.pages.showFile(vscode.Uri.file(opened.statementPath));
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    return editor;
  }
}

/** Read-only documents showing a stored attempt (the query is its hash). */
const ATTEMPT_SCHEME = "mlkata-attempt";

interface Attempt {
  hash: string;
  at: number;
  kind: "run" | "snapshot";
  verdict: string | null;
  passed: number | null;
  total: number | null;
}

function settings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration("mlkata");
  return {
    runOnSave: c.get("runOnSave"),
    runOnType: c.get("runOnType"),
    debounceMs: c.get("debounceMs"),
    timeMultiplier: c.get("timeMultiplier"),
    problemsFolders: c.get("problemsFolders"),
    databasePath: c.get("databasePath"),
    solutionsFolder: c.get("solutionsFolder"),
    explainMistakes: c.get("explainMistakes"),
    hintAfterFailedRuns: c.get("hintAfterFailedRuns"),
    hintAfterMinutes: c.get("hintAfterMinutes"),
  };
}

export function problemItem(p: Problem): vscode.QuickPickItem & { id: string } {
  const solved = p.solved ? "$(pass-filled) " : "";
  return {
    id: p.id,
    label: `${solved}${p.title}`,
    description: `${p.difficulty} · ${p.suggestedMinutes} min · ${p.topics.join(", ")}`,
    detail: p.solved ? `solved${p.bestSeconds ? ` in ${Math.round(p.bestSeconds / 60)} min` : ""}` : p.runs ? `${p.runs} runs` : undefined,
  };
}

let app: MlKata | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<MlKata> {
  app = new MlKata(context);
  const a = app;
  const guard =
    (fn: (...args: any[]) => Promise<unknown>) =>
    async (...args: any[]) => {
      try {
        return await fn(...args);
      } catch (err: any) {
        const message = err?.message ?? String(err);
        a.log.error(message);
        void vscode.window.showErrorMessage(`ML Kata: ${message}`);
        return undefined;
      }
    };
  const reg = (id: string, fn: (...args: any[]) => Promise<unknown>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, guard(fn)));

  reg("mlkata.open", async (item?: Problem | string) => {
    const id = typeof item === "string" ? item : item?.id ?? (await a.pickProblem("Open Problem"));
    return id ? a.openProblem(id) : undefined;
  });
  reg("mlkata.random", async () => {
    const problems = await a.listProblems();
    const pool = problems.filter((p) => !p.solved);
    const pick = (pool.length ? pool : problems)[Math.floor(Math.random() * (pool.length || problems.length))];
    return pick ? a.openProblem(pick.id) : undefined;
  });
  reg("mlkata.nextUnsolved", async () => {
    const order = { easy: 0, medium: 1, hard: 2 } as Record<string, number>;
    const next = (await a.listProblems())
      .filter((p) => !p.solved)
      .sort((x, y) => order[x.difficulty] - order[y.difficulty] || x.id.localeCompare(y.id))[0];
    if (!next) return vscode.window.showInformationMessage("ML Kata: every problem is solved. Try a mock interview.");
    return a.openProblem(next.id);
  });
  reg("mlkata.run", async () => {
    const bound = a.activeProblem();
    if (!bound) throw new Error("the active file is not an ML Kata solution (no '# mlkata: <id>' first line)");
    const result = await a.call("mlkata.runTests", { uri: bound.uri.toString() });
    await a.render("mlkata.runTests", result);
    return result;
  });
  reg("mlkata.statement", async (item?: Problem) => {
    const id = item?.id ?? (await a.pickProblem("Show Statement"));
    if (id) await a.render("mlkata.showStatement", await a.call("mlkata.showStatement", { id }));
  });
  reg("mlkata.hint", async () => {
    const id = await a.pickProblem("Next Hint");
    if (id) await a.render("mlkata.nextHint", await a.call("mlkata.nextHint", { id }));
  });
  reg("mlkata.showFollowups", async () => {
    const id = await a.pickProblem("Follow-up Questions");
    if (!id) return;
    try {
      await a.pages.followups(await a.call("mlkata.followups", { id }));
    } catch (err: any) {
      const pick = await vscode.window.showWarningMessage(
        `${err?.message ?? err}`.replace(/^mlkata\.followups: /, ""),
        { modal: true },
        "Give Up and Show",
      );
      if (pick) await a.pages.followups(await a.call("mlkata.followups", { id, giveUp: true }));
    }
  });
  reg("mlkata.reset", async (item?: Problem) => {
    let uri = a.activeProblem()?.uri;
    if (item?.id) uri = vscode.Uri.file((await a.call<{ path: string }>("mlkata.openProblem", { id: item.id })).path);
    if (!uri) throw new Error("open the solution file to reset first");
    const ok = await vscode.window.showWarningMessage(
      "Reset this solution to the starter? Your current code is kept as a backup.",
      { modal: true },
      "Reset",
    );
    if (!ok) return;
    const result = await a.call<{ backups: string[] }>("mlkata.resetProblem", { uri: uri.toString() });
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri!.toString());
    if (doc?.isDirty) await doc.save();
    void vscode.window.showInformationMessage(`ML Kata: reset; backup in ${result.backups.join(", ")}`);
  });
  reg("mlkata.attempts", async () => {
    const bound = a.activeProblem();
    if (!bound) throw new Error("open a solution file first (its first line is '# mlkata: <id>')");
    const listing = await a.call<{ title: string; attempts: Attempt[] }>("mlkata.listAttempts", {
      uri: bound.uri.toString(),
    });
    if (!listing.attempts.length) return vscode.window.showInformationMessage("ML Kata: no attempts of this problem yet.");
    const pick = await vscode.window.showQuickPick(
      listing.attempts.map((at) => ({
        hash: at.hash,
        label: new Date(at.at * 1000).toLocaleString(),
        description: at.kind === "run" ? `${at.verdict} ${at.passed}/${at.total}` : "kept before a restore (never run)",
      })),
      { title: `Attempts: ${listing.title}` },
    );
    if (!pick) return undefined;
    const open = "Open Read-Only Beside";
    const action = await vscode.window.showQuickPick([open, "Restore Into the Editor"], { title: pick.label });
    if (action === open) {
      const uri = vscode.Uri.from({ scheme: ATTEMPT_SCHEME, path: `/attempt-${pick.hash.slice(0, 12)}.py`, query: pick.hash });
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    } else if (action) {
      await a.call("mlkata.restoreAttempt", { uri: bound.uri.toString(), hash: pick.hash });
    }
    return undefined;
  });
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(ATTEMPT_SCHEME, {
      provideTextDocumentContent: async (uri) => (await a.call<{ text: string }>("mlkata.attemptText", { hash: uri.query })).text,
    }),
  );
  reg("mlkata.mockStart", async (name?: string, timeScale?: number) => {
    const listing = await a.call<{ interviews: { id: string; title: string; models: string; rounds: any[] }[] }>(
      "mlkata.listProblems",
    );
    let id = name;
    if (!id) {
      const pick = await vscode.window.showQuickPick(
        listing.interviews.map((i) => ({
          id: i.id,
          label: i.title,
          description: i.rounds.map((r) => `${r.problem} (${r.minutes} min)`).join(" → "),
          detail: i.models,
        })),
        { title: "Start Mock Interview" },
      );
      id = pick?.id;
    }
    if (!id) return;
    const status = await a.call("mlkata.startMock", timeScale ? { interview: id, timeScale } : { interview: id });
    await a.mock.started(status);
    return status;
  });
  reg("mlkata.mockSubmit", async () => a.mock.onEvent(await a.call("mlkata.submitRound")));
  reg("mlkata.mockAbandon", async () => {
    const ok = await vscode.window.showWarningMessage("Abandon the mock interview?", { modal: true }, "Abandon");
    if (ok) await a.mock.showReport(await a.call("mlkata.abandonMock"));
  });
  reg("mlkata.showProgress", async () => a.pages.progress(await a.call("mlkata.progress"), a.cachedProblems()));
  reg("mlkata.refresh", async () => a.problems.refresh());
  reg("mlkata.showLogs", async () => a.log.show());
  reg("mlkata.restartServer", async () => a.start());

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (LAUNCH_SETTINGS.some((s) => e.affectsConfiguration(s))) void a.start();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => a.tests.syncContext()),
  );
  const ready = a.start();
  context.subscriptions.push({ dispose: () => void a.stop() });
  await ready;
  return a;
}

export async function deactivate(): Promise<void> {
  await app?.stop();
}
