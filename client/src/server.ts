// The language server's lifecycle: check the interpreter, start/stop/restart (and again after a crash),
// the status item, and sending it commands once it is up. Nothing starts in an untrusted workspace.
import * as vscode from "vscode";
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { checkPython, findPython, PythonCheck, serverPythonPath } from "./python";
import { CONFIG_SECTION, Commands, Ids, Notifications, REVIEW_FOLDER, SERVER_MODULE, ServerCommand } from "./protocol";
import { RestartPolicy } from "./restart";
import type { ServerApi, ServerNotification } from "./serverApi";
import { selectInterpreter, serverSettings } from "./settings";
import { restrictedExplanation, WorkspaceTrust } from "./trust";

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

/** The buttons that open the interpreter picker and the server's log. */
function selectLabel(): string {
  return vscode.l10n.t("Select Interpreter");
}

function showLogsLabel(): string {
  return vscode.l10n.t("Show Logs");
}

export class Server implements ServerApi, vscode.Disposable {
  client: LanguageClient | undefined;
  readonly status: vscode.LanguageStatusItem;
  private ready: Promise<void> = Promise.resolve();
  /** The number of the latest start, and the one in progress (starts run one after another). */
  private starts = 0;
  private running: Promise<void> = Promise.resolve();
  private readonly restarts = new RestartPolicy();
  /** The interpreter the last start checked: a restart after a crash runs it again unchecked. */
  private checked: Launch | undefined;
  /** A restart after a crash, waiting for its delay; `release` lets the commands waiting for it go on. */
  private pendingRestart: { timer: NodeJS.Timeout; release: () => void } | undefined;
  private readonly notifications = new vscode.EventEmitter<ServerNotification>();
  readonly onNotification = this.notifications.event;
  /** The first start: until something needs the server (a solution, the view, a command), none runs. */
  private firstStart: Promise<void> | undefined;

  constructor(
    private readonly extensionPath: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly trust: Pick<WorkspaceTrust, "trusted" | "showRestricted">,
    private readonly hooks: ServerHooks,
  ) {
    this.status = vscode.languages.createLanguageStatusItem(Ids.SERVER_STATUS, { language: "python" });
    this.status.name = vscode.l10n.t("ML Kata");
    if (trust.trusted) this.showIdle();
    else trust.showRestricted(this.status);
  }

  /** Whether the server was asked for: started once, it is restarted (settings, trust) and after a crash. */
  get started(): boolean {
    return this.firstStart !== undefined;
  }

  /**
   * Start the server unless it was started already; resolves once the first start is done. Called when
   * something needs it: a solution file is open, the ML Kata view is shown, a command runs (`execute`).
   */
  ensureStarted(why: string): Promise<void> {
    if (this.firstStart) return this.firstStart;
    this.log.info(`starting the server: ${why}`);
    return this.start();
  }

  /** A launch setting changed or the folder was trusted: start again, but only a server that was asked for. */
  restartIfStarted(): Promise<void> {
    return this.firstStart ? this.start() : Promise.resolve();
  }

  dispose(): void {
    this.takePendingRestart()?.();
    this.status.dispose();
    this.notifications.dispose();
  }

  /** Start (or restart) the server with the interpreter the settings name: a deliberate start, so crashes count anew. */
  start(): Promise<void> {
    this.restarts.reset();
    const started = this.launch(true);
    this.firstStart ??= started;
    return started;
  }

  /**
   * One start at a time, the newest winning: two come together when a setting and the trust change at
   * once (trusting a folder can change `mlkata.python`), and two at once would leave two servers.
   * `check`: check the interpreter first (else the last checked one, as after a crash: sooner back, no warning again).
   */
  private launch(check: boolean): Promise<void> {
    const pending = this.takePendingRestart();
    const number = ++this.starts;
    let markReady: () => void = () => undefined;
    // Commands wait for this (not for the whole start, which itself calls commands once up).
    this.ready = new Promise((resolve) => (markReady = resolve));
    // Commands sent while a crashed server waited for its restart wait for this start instead.
    if (pending) void this.ready.then(pending);
    const latest = () => number === this.starts;
    const up = this.running.then(() => this.startClient(check, latest, markReady)).finally(markReady);
    this.running = up.then(
      () => undefined,
      () => undefined,
    );
    // Outside the queue: the views' commands wait for a newer start, which must not wait for them.
    return up.then((running) => (running && latest() ? this.hooks.afterStart() : undefined));
  }

  /** Stop the server for good (the extension ends): a start still queued or waiting after a crash is dropped too. */
  async stop(): Promise<void> {
    this.starts++;
    this.takePendingRestart()?.();
    await this.stopClient();
  }

  private async stopClient(): Promise<void> {
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
    // A command needs the server: start it (not awaited here: the start itself runs commands once up).
    if (!this.firstStart) void this.ensureStarted(`command ${command}`);
    // Until no newer start has begun meanwhile: the server that answers is the latest one.
    for (let ready = this.ready; ; ready = this.ready) {
      await ready;
      if (ready === this.ready) break;
    }
    // The views and the Testing view ask too, not only the (guarded) commands: say why nothing answers.
    if (!this.trust.trusted) throw new Error(restrictedExplanation());
    if (!this.client || !this.client.isRunning()) {
      throw new Error(vscode.l10n.t("the ML Kata server is not running (see ML Kata: Show Server Logs)"));
    }
    return (await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [params] })) as T;
  }

  /** Before the first start: what starts the server, and a click that opens a problem. */
  private showIdle(): void {
    this.setStatus(vscode.l10n.t("ML Kata: idle"));
    this.status.detail = vscode.l10n.t("starts with a solution file (# mlkata: <id>), the ML Kata view or a command");
    this.status.command = { title: vscode.l10n.t("Open Problem"), command: Commands.OPEN };
  }

  private setStatus(text: string, severity = vscode.LanguageStatusSeverity.Information, busy = false): void {
    this.status.text = text;
    this.status.severity = severity;
    this.status.busy = busy;
    this.status.detail = undefined;
    this.status.command = { title: vscode.l10n.t("Show Logs"), command: Commands.SHOW_LOGS };
  }

  /**
   * Stop the server, then start it unless the workspace is untrusted; whether it runs now.
   * `latest`: false once a newer start was asked for, which then does the work instead.
   */
  private async startClient(check: boolean, latest: () => boolean, markReady: () => void): Promise<boolean> {
    if (!latest()) return false;
    await this.stopClient();
    // Even the interpreter check runs the interpreter, which an untrusted folder's settings may choose.
    if (!this.trust.trusted) {
      this.trust.showRestricted(this.status);
      this.log.info("Restricted Mode: the server is not started until the workspace is trusted");
      return false;
    }
    this.setStatus(vscode.l10n.t("ML Kata: starting"), vscode.LanguageStatusSeverity.Information, true);
    const launch = check || !this.checked ? await this.checkInterpreter(latest) : this.checked;
    this.checked = launch;
    if (!launch) return false;
    const client = this.createClient(launch);
    this.client = client;
    try {
      await client.start();
    } catch (err) {
      this.setStatus(vscode.l10n.t("ML Kata: failed to start"), vscode.LanguageStatusSeverity.Error);
      this.log.error(`server failed to start: ${err}`);
      void vscode.window.showErrorMessage(vscode.l10n.t("ML Kata's server failed to start: {0}", `${err}`), vscode.l10n.t("Show Logs")).then((p) => {
        if (p) this.log.show();
      });
      return false;
    }
    for (const method of Object.values(Notifications)) {
      client.onNotification(method, (params) => this.notifications.fire({ method, params } as ServerNotification));
    }
    markReady();
    return true;
  }

  /** The interpreter to run the server with, checked; undefined (and the user told) when it cannot, or a newer start came. */
  private async checkInterpreter(latest: () => boolean): Promise<Launch | undefined> {
    const python = await findPython();
    const env = { ...process.env, PYTHONPATH: serverPythonPath(this.extensionPath, process.env.PYTHONPATH) };
    const check = await checkPython(python, env);
    if (!latest()) return undefined; // its verdict is about settings that changed since
    this.log.info(`interpreter ${python}: Python ${check.version || "?"}, torch ${check.torch ?? "not installed"}`);
    if (check.problem) {
      this.setStatus(vscode.l10n.t("ML Kata: no usable Python"), vscode.LanguageStatusSeverity.Error);
      this.log.error(check.problem);
      void vscode.window
        .showErrorMessage(vscode.l10n.t("ML Kata cannot start: {0}.", check.problem), selectLabel(), showLogsLabel())
        .then((pick) => {
          if (pick === selectLabel()) void selectInterpreter();
          if (pick === showLogsLabel()) this.log.show();
        });
      return undefined;
    }
    if (!check.torch) {
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t(
            "PyTorch is not installed in {0}: the torch problems cannot run there (the pure-Python ones work). Pick an interpreter that has torch, or install it into this one (pip install torch).",
            python,
          ),
          selectLabel(),
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
        // A failed read or write: a dead server also closes the connection, and closed() handles that.
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => this.closed(client),
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
      if (e.newState === State.Running) this.setStatus(vscode.l10n.t("ML Kata: ready (torch {0})", check.torch ?? vscode.l10n.t("missing")));
    });
    return client;
  }

  /**
   * The server's connection closed without a stop: start it again after a growing delay, or (too many
   * crashes in a while) ask the user. The restart is ours, not the client's: a full start checks the
   * interpreter again and reloads the views.
   */
  private closed(client: LanguageClient): CloseHandlerResult {
    // Dying before it ran is start()'s failure to report; restarting a server that cannot start would only repeat it.
    if (client !== this.client || client.state !== State.Running) return { action: CloseAction.DoNotRestart, handled: true };
    const delayMs = this.restarts.onCrash();
    if (delayMs === undefined) return this.giveUp();
    const message = vscode.l10n.t("The ML Kata server stopped unexpectedly: restarting it in {0} s.", delayMs / 1000);
    this.log.warn(message);
    this.setStatus(vscode.l10n.t("ML Kata: restarting in {0} s", delayMs / 1000), vscode.LanguageStatusSeverity.Warning, true);
    this.scheduleRestart(delayMs);
    return { action: CloseAction.DoNotRestart, message, handled: true };
  }

  /** Too many crashes in a while: stay stopped until the user says so (Restart counts the crashes anew). */
  private giveUp(): CloseHandlerResult {
    const { maxRestarts, windowMs } = this.restarts.limits;
    const message = vscode.l10n.t(
      "The ML Kata server stopped unexpectedly again, after {0} restarts within {1} minutes: it is not restarted until you say so.",
      maxRestarts,
      windowMs / 60000,
    );
    this.log.error(message);
    this.setStatus(vscode.l10n.t("ML Kata: server stopped"), vscode.LanguageStatusSeverity.Error);
    const restart = vscode.l10n.t("Restart");
    void vscode.window.showErrorMessage(message, restart, showLogsLabel()).then((pick) => {
      if (pick === showLogsLabel()) this.log.show();
      if (pick === restart) void this.start();
    });
    return { action: CloseAction.DoNotRestart, message, handled: true };
  }

  /** Start again after `delayMs`; commands sent meanwhile wait for that start rather than fail. */
  private scheduleRestart(delayMs: number): void {
    this.takePendingRestart()?.();
    let release: () => void = () => undefined;
    this.ready = new Promise((resolve) => (release = resolve));
    const timer = setTimeout(() => void this.launch(false), delayMs);
    this.pendingRestart = { timer, release };
  }

  /** Cancel a waiting restart; returns what releases the commands that waited for it. */
  private takePendingRestart(): (() => void) | undefined {
    const pending = this.pendingRestart;
    this.pendingRestart = undefined;
    if (pending) clearTimeout(pending.timer);
    return pending?.release;
  }
}
