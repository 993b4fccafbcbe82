// ML Kata in VS Code: creates the pieces (language server, views, pages, commands) and connects them.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { Problem, ProblemCatalog } from "./catalog";
import { registerCommands } from "./commands";
import { MockClock } from "./mock";
import { Pages } from "./pages";
import { ProblemsView } from "./problems";
import { Realism } from "./realism";
import { ResultRenderer } from "./results";
import { ReviewQueue } from "./review";
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
    onLaunchSettingsChanged(() => void s.start()),
    trust.onGranted(() => void s.start()),
    vscode.window.onDidChangeActiveTextEditor(() => tests.syncContext()),
    mock.onDidChangeActive((active) => void realism.update(active)),
  );
  if (!trust.trusted) trust.explain();
  const ready = s.start(); // untrusted: only shows Restricted Mode in the status item
  context.subscriptions.push({ dispose: () => void s.stop() });
  await ready;
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
    listProblems: () => catalog.list(),
  };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
}
