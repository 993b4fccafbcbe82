// ML Kata in VS Code: creates the pieces (language server, views, pages, commands) and connects them.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { Problem, ProblemCatalog } from "./catalog";
import { registerCommands } from "./commands";
import { FirstRun } from "./firstRun";
import { startWhenNeeded } from "./lazyStart";
import { ProblemLayout } from "./layout";
import { MockClock } from "./mock";
import { Pages } from "./pages";
import { ProblemsView } from "./problems";
import { Realism } from "./realism";
import { ResultRenderer } from "./results";
import { ReviewQueue } from "./review";
import { Ids } from "./protocol";
import { Server } from "./server";
import { onLaunchSettingsChanged } from "./settings";
import { HiddenTests } from "./testing";
import { WorkspaceTrust } from "./trust";

/** What `activate` returns: the e2e suites read the server's state and the views through it. */
export interface MlKataApi {
  readonly client: LanguageClient | undefined;
  readonly status: vscode.LanguageStatusItem;
  readonly tests: HiddenTests;
  readonly mock: MockClock;
  readonly review: ReviewQueue;
  readonly realism: Realism;
  readonly trust: WorkspaceTrust;
  readonly problems: ProblemsView;
  readonly firstRun: FirstRun;
  readonly layout: ProblemLayout;
  /** Whether the language server was asked for yet (it starts only once ML Kata is needed). */
  readonly serverStarted: boolean;
  /** Start the language server unless it was started (as a command would); resolves once it is up. */
  startServer(): Promise<void>;
  listProblems(): Promise<Problem[]>;
}

let server: Server | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<MlKataApi> {
  const log = vscode.window.createOutputChannel("ML Kata", { log: true });
  const trust = new WorkspaceTrust();
  // The hooks first run in start() below, once every piece they name exists.
  const s: Server = new Server(context.extensionPath, log, trust, {
    afterStart: async () => {
      await problems.refresh();
      await mock.sync();
      await review.sync();
    },
    showResult: (command, result): Promise<void> => results.render(command, result),
  });
  server = s;
  const pages = new Pages(context);
  const catalog = new ProblemCatalog(s);
  const tests = new HiddenTests(s, log);
  const problems = new ProblemsView(catalog, s, log);
  const mock = new MockClock(s, pages, log);
  // Restores what an interview changed once the server says none runs (also after a crash mid-round).
  const realism = new Realism(context.workspaceState, log);
  const review = new ReviewQueue(s, pages, log);
  const results = new ResultRenderer(pages, tests, mock, review, log);
  context.subscriptions.push(log, s, tests, problems, mock, review, realism);
  context.subscriptions.push(
    ...registerCommands({ server: s, catalog, pages, results, problems, mock, review, log, trust, restart: () => s.start() }),
    onLaunchSettingsChanged(() => void s.restartIfStarted()),
    trust.onGranted(() => void s.restartIfStarted()),
    vscode.window.onDidChangeActiveTextEditor(() => tests.syncContext()),
    mock.onDidChangeActive((active) => void realism.update(active)),
  );
  const layout = new ProblemLayout(problems.view);
  const firstRun = new FirstRun(context.globalState, context.extension.id);
  context.subscriptions.push(layout, { dispose: () => void s.stop() });
  // No server (a Python process) until ML Kata is needed: a window with other Python files runs none.
  const need = (why: string): void => {
    if (s.started) return;
    if (!trust.trusted) trust.explain(); // once: the first need; each command explains again
    void s.ensureStarted(why); // untrusted: only shows Restricted Mode in the status item
  };
  context.subscriptions.push(...startWhenNeeded(problems.view, need));
  // A round was running when this workspace's last window went: the server says whether it still is.
  if (context.workspaceState.get(Ids.REALISM_SAVED) !== undefined) need("the settings an interview changed");
  void firstRun.maybeShow().catch((err) => log.warn(`the walkthrough: ${err}`));
  return {
    get client() {
      return s.client;
    },
    status: s.status,
    tests,
    mock,
    review,
    realism,
    trust,
    problems,
    firstRun,
    layout,
    get serverStarted() {
      return s.started;
    },
    startServer: () => s.ensureStarted("the extension's API"),
    listProblems: () => catalog.list(),
  };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
}
