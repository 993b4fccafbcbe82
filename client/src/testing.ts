// The hidden tests in VS Code's Testing view: one item per solution file, one child per hidden test.
//
// Results reach the view two ways. The server judges a bound file on every open and save
// (`mlkata.runOnSave`) and announces each finished run (`mlkata/runFinished`): it shows as a run of
// its own. A request from the view (re-run a file, re-run one test, the Debug profile) asks the server
// to judge and reports the result into that request's run. A re-run of some tests judges only those
// (the server's `tests` filter); the file's other tests keep their last results.
//
// Continuous run (the view's "watch" toggle) and the automatic judge-on-save: the server already
// judges every save, so a continuous run starts no judging of its own. While it is active, each
// save's run of a file it covers is reported into a run of the continuous request (only the tests it
// covers) instead of a run of its own, until the user stops it. With `mlkata.runOnSave` off, the server
// judges nothing on save: the continuous run then asks it to judge each save of the files it covers.
import * as vscode from "vscode";
import { activeProblem } from "./binding";
import { debugCase, type DebugCase, type DebugLaunch, type DebugOutcome } from "./debug";
import { verdictName } from "./format";
import { ContextKeys, Ids, Notifications, ServerCommands, Settings } from "./protocol";
import type { Log, RunReport, ServerApi, TestResultJson } from "./serverApi";

/** One run the view showed: which file, which tests, and how it was started (read by the e2e suite). */
export interface ShownRun {
  uri: string;
  tests: string[];
  partial: boolean;
  continuous: boolean;
  /** Started from the view (a re-run), else a run the server started on open or save. */
  requested: boolean;
}

/** The last Debug profile run: the test, where its script ran, and how it ended (read by the e2e suite). */
export interface DebugRecord {
  test: string;
  launch: DebugLaunch;
  outcome: DebugOutcome;
}

/** Per file: the hidden tests to run (undefined: all of them). */
type Plan = Map<string, string[] | undefined>;

/** A continuous run in progress: its request and what it covers (undefined: every file). */
interface Watch {
  request: vscode.TestRunRequest;
  plan: Plan | undefined;
}

const MAX_SHOWN = 50;

export class HiddenTests implements vscode.Disposable {
  readonly controller: vscode.TestController;
  readonly runProfile: vscode.TestRunProfile;
  readonly debugProfile: vscode.TestRunProfile;
  /** The latest result of every test per file uri (a re-run's results merged into the last whole run's). */
  readonly reports = new Map<string, RunReport>();
  /** The message of each test item's last failure, by item id. */
  readonly messages = new Map<string, vscode.TestMessage>();
  /** The runs the view showed, oldest first (the last 50). */
  readonly shown: ShownRun[] = [];
  lastDebug: DebugRecord | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Per file uri, the view's run waiting for that file's result. */
  private readonly pending = new Map<string, vscode.TestRun>();
  private readonly watches = new Set<Watch>();

  constructor(
    private readonly server: ServerApi,
    private readonly log: Log,
  ) {
    this.controller = vscode.tests.createTestController(Ids.TEST_CONTROLLER, vscode.l10n.t("ML Kata hidden tests"));
    this.runProfile = this.controller.createRunProfile(
      vscode.l10n.t("Run hidden tests"),
      vscode.TestRunProfileKind.Run,
      (req, token) => this.run(req, token),
      true,
      undefined,
      true,
    );
    this.debugProfile = this.controller.createRunProfile(
      vscode.l10n.t("Debug hidden test"),
      vscode.TestRunProfileKind.Debug,
      (req, token) => this.debug(req, token),
      true,
    );
    this.disposables.push(
      this.controller,
      server.onNotification((n) => {
        if (n.method === Notifications.RUN_FINISHED) this.update(n.params.uri, n.params.title, n.params.report);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => this.saved(doc)),
    );
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  /** Record a finished run: items for its tests, reported into the view's run waiting for it, a continuous run, or a run of its own. */
  update(uri: string, title: string, report: RunReport): void {
    const fileUri = vscode.Uri.parse(uri);
    const file = this.fileItem(uri, title, fileUri);
    this.reports.set(uri, merge(this.reports.get(uri), report));
    const items = new Map<string, vscode.TestItem>();
    for (const t of report.tests) {
      const id = `${uri}#${t.name}`;
      const item = file.children.get(id) ?? this.controller.createTestItem(id, t.name, fileUri);
      item.range = t.line ? new vscode.Range(t.line - 1, 0, t.line - 1, 0) : undefined; // a passing test points nowhere
      items.set(t.name, item);
    }
    if (report.partial) items.forEach((item) => file.children.add(item));
    else file.children.replace([...items.values()]);
    const counts = vscode.l10n.t("{0}: {1}/{2}", title, report.passed, report.total);
    const waiting = this.pending.get(uri);
    if (waiting) {
      this.pending.delete(uri);
      this.report(waiting, uri, report, items, { continuous: false, requested: true }); // the request ends its run
    } else {
      const watching = [...this.watches].filter((w) => !w.plan || w.plan.has(uri));
      for (const watch of watching) {
        const only = watch.plan?.get(uri);
        const run = this.controller.createTestRun(watch.request, counts, true);
        this.report(run, uri, report, items, { continuous: true, requested: false }, only);
        run.end();
      }
      if (!watching.length) {
        const run = this.controller.createTestRun(new vscode.TestRunRequest([file]), counts, false);
        this.report(run, uri, report, items, { continuous: false, requested: false });
        run.end();
      }
    }
    this.syncContext();
  }

  /** Context key for menus: the active editor is a bound solution file. */
  syncContext(): void {
    void vscode.commands.executeCommand("setContext", ContextKeys.BOUND_EDITOR, activeProblem() !== undefined);
  }

  private fileItem(uri: string, title: string, fileUri: vscode.Uri): vscode.TestItem {
    let file = this.controller.items.get(uri);
    if (!file) {
      file = this.controller.createTestItem(uri, `${title} (${vscode.workspace.asRelativePath(fileUri)})`, fileUri);
      this.controller.items.add(file);
    }
    return file;
  }

  /** Report a run's tests (only those of `only`, when given) into run: passed, or failed with the message, diff and location. */
  private report(
    run: vscode.TestRun,
    uri: string,
    report: RunReport,
    items: Map<string, vscode.TestItem>,
    how: { continuous: boolean; requested: boolean },
    only?: string[],
  ): void {
    const reported: string[] = [];
    for (const t of report.tests) {
      const item = items.get(t.name);
      if (!item || (only && !only.includes(t.name))) continue;
      reported.push(t.name);
      if (t.verdict === "passed") {
        this.messages.delete(item.id);
        run.passed(item, t.duration_ms);
      } else {
        const message = failure(t, vscode.Uri.parse(uri));
        this.messages.set(item.id, message);
        run.failed(item, message, t.duration_ms);
      }
    }
    this.shown.push({ uri, tests: reported, partial: Boolean(report.partial), ...how });
    if (this.shown.length > MAX_SHOWN) this.shown.shift();
  }

  /** Run from the Testing view: each requested file judged whole, or only its requested tests. */
  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    if (request.continuous) return this.watch(request, token);
    const plan = this.plan(request);
    const run = this.controller.createTestRun(request, undefined, true);
    try {
      for (const [uri, tests] of plan) {
        if (token.isCancellationRequested) break;
        this.started(run, uri, tests);
        await this.judge(uri, tests, run);
      }
    } finally {
      for (const [uri, waiting] of this.pending) if (waiting === run) this.pending.delete(uri);
      run.end();
    }
  }

  /** Ask the server to judge a file (only `tests`, if given); its result is reported into run. */
  private async judge(uri: string, tests: string[] | undefined, run: vscode.TestRun): Promise<void> {
    this.pending.set(uri, run);
    try {
      const result = await this.server.execute<RunReport & { title: string }>(ServerCommands.RUN_TESTS, { uri, tests });
      // The server announced the run before answering: reported already, unless that announcement went missing.
      if (this.pending.get(uri) === run) this.update(uri, result.title, result);
    } catch (err) {
      this.pending.delete(uri);
      this.log.error(`run from the Testing view: ${err}`);
      const file = this.controller.items.get(uri);
      if (file) run.errored(file, new vscode.TestMessage(String(err instanceof Error ? err.message : err)));
    }
  }

  /** A continuous run: covers what it asked for until the user stops it (see the top of this file). */
  private watch(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const watch: Watch = { request, plan: request.include ? this.plan(request) : undefined };
    this.watches.add(watch);
    return new Promise((resolve) => {
      const stop = () => {
        this.watches.delete(watch);
        resolve();
      };
      if (token.isCancellationRequested) stop();
      else token.onCancellationRequested(stop);
    });
  }

  /** A save: with judge-on-save off, a continuous run covering the file asks for the run itself. */
  private saved(doc: vscode.TextDocument): void {
    if (!this.watches.size || vscode.workspace.getConfiguration(undefined, doc.uri).get<boolean>(Settings.RUN_ON_SAVE, true)) return;
    const uri = doc.uri.toString();
    const watch = [...this.watches].find((w) => !w.plan || w.plan.has(uri));
    if (!watch || !this.controller.items.get(uri)) return;
    const tests = watch.plan?.get(uri);
    void this.server.execute(ServerCommands.RUN_TESTS, { uri, tests }).catch((err) => this.log.error(`continuous run: ${err}`));
  }

  /** Debug from the Testing view: the script of the selected test (or the file's first failing test) under the debugger. */
  private async debug(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const targets: { uri: string; test: string }[] = [];
    for (const [uri, tests] of this.plan(request)) {
      const chosen = tests ?? this.reports.get(uri)?.tests.filter((t) => t.verdict !== "passed").map((t) => t.name).slice(0, 1) ?? [];
      targets.push(...chosen.map((test) => ({ uri, test })));
    }
    if (!targets.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t("No failing hidden test to debug: select one in the Testing view."));
      return;
    }
    const run = this.controller.createTestRun(request, vscode.l10n.t("Debug {0}", targets.map((t) => t.test).join(", ")), false);
    try {
      for (const { uri, test } of targets) {
        if (token.isCancellationRequested) break;
        const item = this.controller.items.get(uri)?.children.get(`${uri}#${test}`);
        if (item) run.started(item);
        try {
          const script = await this.server.execute<DebugCase>(ServerCommands.DEBUG_CASE, { uri, test });
          if (item) run.appendOutput(`${vscode.l10n.t("Debug script: {0}", script.path)}\r\n`, undefined, item);
          const launch = await debugCase(script, this.log);
          const outcome = await Promise.race([
            launch.finished,
            new Promise<DebugOutcome>((resolve) => token.onCancellationRequested(() => resolve({}))),
          ]);
          this.lastDebug = { test, launch, outcome };
          if (item) this.debugged(run, item, outcome);
        } catch (err) {
          this.log.error(`debug from the Testing view: ${err}`);
          if (item) run.errored(item, new vscode.TestMessage(String(err instanceof Error ? err.message : err)));
        }
      }
    } finally {
      run.end();
    }
  }

  /** A debug script's outcome as the test's result, when it is known (a terminal with shell integration). */
  private debugged(run: vscode.TestRun, item: vscode.TestItem, outcome: DebugOutcome): void {
    if (outcome.output) run.appendOutput(outcome.output.replace(/\n/g, "\r\n"), undefined, item);
    if (outcome.exitCode === 0) run.passed(item);
    else if (outcome.exitCode !== undefined) {
      run.failed(item, new vscode.TestMessage(outcome.output || vscode.l10n.t("The script exited with code {0}", outcome.exitCode)));
    }
  }

  /** Which files and tests a request names: a file item means all its tests; excluded tests are left out. */
  private plan(request: vscode.TestRunRequest): Plan {
    const plan: Plan = new Map();
    for (const item of request.include ?? iterate(this.controller.items)) {
      const [uri, test] = split(item.id);
      if (!test) plan.set(uri, undefined);
      else if (!plan.has(uri) || plan.get(uri)) plan.set(uri, [...(plan.get(uri) ?? []), test]);
    }
    for (const item of request.exclude ?? []) {
      const [uri, test] = split(item.id);
      if (!plan.has(uri)) continue;
      if (!test) {
        plan.delete(uri);
        continue;
      }
      const names = plan.get(uri) ?? [...iterate(this.controller.items.get(uri)?.children)].map((c) => split(c.id)[1]!);
      const left = names.filter((n) => n !== test);
      if (left.length) plan.set(uri, left);
      else plan.delete(uri);
    }
    return plan;
  }

  /** Mark the items a request runs as started (a file's children when it runs whole). */
  private started(run: vscode.TestRun, uri: string, tests: string[] | undefined): void {
    const file = this.controller.items.get(uri);
    if (!file) return;
    for (const item of iterate(file.children)) if (!tests || tests.includes(split(item.id)[1]!)) run.started(item);
  }
}

/** The failure as a test message: the verdict and message, the failing case's lines, a diff of expected and actual when known. */
function failure(t: TestResultJson, fileUri: vscode.Uri): vscode.TestMessage {
  // "not implemented yet: ..." already names its verdict; every other message gets it in front.
  const named = t.message && t.verdict !== "not_implemented";
  const headline = named ? vscode.l10n.t("{0}: {1}", verdictName(t.verdict), t.message) : t.message || verdictName(t.verdict);
  const text = [headline, ...(t.details ?? [])].join("\n");
  const message =
    t.expected !== undefined && t.actual !== undefined ? vscode.TestMessage.diff(text, t.expected, t.actual) : new vscode.TestMessage(text);
  if (t.line) {
    message.location = new vscode.Location(
      fileUri,
      new vscode.Range(t.line - 1, (t.column ?? 1) - 1, (t.end_line ?? t.line) - 1, (t.end_column ?? 1) - 1),
    );
  }
  return message;
}

/** A file's latest result per test: a re-run's results in place of the last ones. */
function merge(last: RunReport | undefined, report: RunReport): RunReport {
  if (!report.partial || !last || last.problem !== report.problem) return report;
  const fresh = new Map(report.tests.map((t) => [t.name, t]));
  const tests = last.tests.map((t) => fresh.get(t.name) ?? t);
  for (const t of report.tests) if (!last.tests.some((l) => l.name === t.name)) tests.push(t);
  const passed = tests.filter((t) => t.verdict === "passed").length;
  const verdict = tests.find((t) => t.verdict !== "passed")?.verdict ?? "passed";
  return { ...report, tests, passed, total: tests.length, verdict, partial: false };
}

/** A test item id as [file uri, test name] (no name for a file's item). */
function split(id: string): [string, string | undefined] {
  const at = id.indexOf("#");
  return at < 0 ? [id, undefined] : [id.slice(0, at), id.slice(at + 1)];
}

function* iterate(collection: vscode.TestItemCollection | undefined): Generator<vscode.TestItem> {
  if (!collection) return;
  for (const [, item] of collection) yield item;
}
