// The language server's lifecycle: check the interpreter, start/stop/restart, the status item,
// and sending it commands once it is up.
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
import { checkPython, findPython, PythonCheck, serverPythonPath } from "./python";
import { CONFIG_SECTION, Commands, Ids, Notifications, REVIEW_FOLDER, SERVER_MODULE, ServerCommand } from "./protocol";
import type { ServerApi, ServerNotification } from "./serverApi";
import { selectInterpreter, serverSettings } from "./settings";

export interface ServerHooks {
  /** Once the server is up, before `start()` resolves (e.g. load the views). */
  afterStart(): Promise<void>;
  /** A server command ran from a code lens or quick fix: show what it returned. */
  showResult(command: string, result: unknown): Promise<void>;
}

/** A checked interpreter and the environment to run the server in. */
interface Launch {
  python: string;
  env: NodeJS.ProcessEnv;
  check: PythonCheck;
}

export class Server implements ServerApi, vscode.Disposable {
  client: LanguageClient | undefined;
  readonly status: vscode.LanguageStatusItem;
  private ready: Promise<void> = Promise.resolve();
  private readonly notifications = new vscode.EventEmitter<ServerNotification>();
  readonly onNotification = this.notifications.event;

  constructor(
    private readonly extensionPath: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly hooks: ServerHooks,
  ) {
    this.status = vscode.languages.createLanguageStatusItem(Ids.SERVER_STATUS, { language: "python" });
    this.status.name = "ML Kata";
    this.status.command = { title: "Show logs", command: Commands.SHOW_LOGS };
  }

  dispose(): void {
    this.status.dispose();
    this.notifications.dispose();
  }

  /** Start (or restart) the server with the interpreter the settings name. */
  start(): Promise<void> {
    let markReady: () => void = () => undefined;
    // Commands wait for this (not for the whole start, which itself calls commands once up).
    this.ready = new Promise((resolve) => (markReady = resolve));
    return this.doStart(markReady).finally(markReady);
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

  async execute<T = any>(command: ServerCommand, params: object = {}): Promise<T> {
    await this.ready;
    if (!this.client || !this.client.isRunning()) {
      throw new Error("the ML Kata server is not running (see ML Kata: Show Server Logs)");
    }
    return (await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [params] })) as T;
  }

  private setStatus(text: string, severity = vscode.LanguageStatusSeverity.Information, busy = false): void {
    this.status.text = text;
    this.status.severity = severity;
    this.status.busy = busy;
  }

  private async doStart(markReady: () => void): Promise<void> {
    await this.stop();
    this.setStatus("ML Kata: starting", vscode.LanguageStatusSeverity.Information, true);
    const launch = await this.checkInterpreter();
    if (!launch) return;
    const client = this.createClient(launch);
    this.client = client;
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
    for (const method of Object.values(Notifications)) {
      client.onNotification(method, (params) => this.notifications.fire({ method, params } as ServerNotification));
    }
    await this.hooks.afterStart();
  }

  /** The interpreter to run the server with, checked; undefined (and the user told) when it cannot. */
  private async checkInterpreter(): Promise<Launch | undefined> {
    const python = await findPython();
    const env = { ...process.env, PYTHONPATH: serverPythonPath(this.extensionPath, process.env.PYTHONPATH) };
    const check = await checkPython(python, env);
    this.log.info(`interpreter ${python}: Python ${check.version || "?"}, torch ${check.torch ?? "not installed"}`);
    if (check.problem) {
      this.setStatus("ML Kata: no usable Python", vscode.LanguageStatusSeverity.Error);
      this.log.error(check.problem);
      void vscode.window
        .showErrorMessage(`ML Kata cannot start: ${check.problem}.`, "Select Interpreter", "Show Logs")
        .then((pick) => {
          if (pick === "Select Interpreter") void selectInterpreter();
          if (pick === "Show Logs") this.log.show();
        });
      return undefined;
    }
    if (!check.torch) {
      void vscode.window
        .showWarningMessage(
          `PyTorch is not installed in ${python}: the torch problems cannot run there (the pure-Python ones work). ` +
            "Pick an interpreter that has torch, or install it into this one (pip install torch).",
          "Select Interpreter",
        )
        .then((pick) => (pick ? selectInterpreter() : undefined));
    }
    return { python, env, check };
  }

  private createClient({ python, env, check }: Launch): LanguageClient {
    const clientOptions: LanguageClientOptions = {
      // Solutions, and the review answer files (the server's lenses there; it reads their unsaved text).
      documentSelector: [
        { scheme: "file", language: "python" },
        { scheme: "file", language: "markdown", pattern: `**/${REVIEW_FOLDER}/*.md` },
      ],
      initializationOptions: serverSettings(),
      synchronize: { configurationSection: CONFIG_SECTION },
      outputChannel: this.log,
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => this.closed(),
      },
      middleware: {
        // Code lenses from the server call its commands: show what they return.
        executeCommand: async (command, args, next) => {
          const result = await next(command, args);
          await this.hooks.showResult(command, result);
          return result;
        },
      },
    };
    const serverOptions: ServerOptions = { command: python, args: ["-m", SERVER_MODULE], options: { env } };
    const client = new LanguageClient(Ids.LANGUAGE_CLIENT, "ML Kata", serverOptions, clientOptions);
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setStatus(`ML Kata: ready (torch ${check.torch ?? "missing"})`);
    });
    return client;
  }

  /** A crashing server is reported once, never restarted in a loop. */
  private closed(): { action: CloseAction; handled: boolean } {
    this.setStatus("ML Kata: server stopped", vscode.LanguageStatusSeverity.Error);
    void vscode.window.showErrorMessage("The ML Kata server stopped unexpectedly.", "Show Logs", "Restart").then((pick) => {
      if (pick === "Show Logs") this.log.show();
      if (pick === "Restart") void this.start();
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}
