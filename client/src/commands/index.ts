// Every palette command, registered with one guard: in an untrusted workspace it explains Restricted Mode
// instead of running; a failure is logged and shown, never thrown.
import * as vscode from "vscode";
import { Commands } from "../protocol";
import type { Log } from "../serverApi";
import type { WorkspaceTrust } from "../trust";
import { historyCommands, HistoryDeps, registerAttemptDocuments } from "./history";
import { interviewCommands, InterviewDeps } from "./interviews";
import { practiceCommands, PracticeDeps } from "./practice";
import { problemCommands, ProblemDeps } from "./problems";
import { reviewCommands, ReviewDeps } from "./review";
import type { Handler, Handlers } from "./types";

export type CommandDeps = ProblemDeps &
  PracticeDeps &
  InterviewDeps &
  HistoryDeps &
  ReviewDeps & {
    log: Log;
    /** Restart the language server. */
    restart(): Promise<void>;
    /** Whether the workspace is trusted, and the explanation when it is not. */
    trust: Pick<WorkspaceTrust, "trusted" | "explain">;
  };

/** Commands that run nothing (no server, no interpreter): allowed in Restricted Mode too. */
const RUNS_NOTHING: ReadonlySet<string> = new Set([Commands.SHOW_LOGS]);

function guard({ log, trust }: Pick<CommandDeps, "log" | "trust">, fn: Handler, id: string): Handler {
  return async (...args: any[]) => {
    // Every command: here, not per command, so none added later can forget it.
    if (!trust.trusted && !RUNS_NOTHING.has(id)) {
      trust.explain();
      return undefined;
    }
    try {
      return await fn(...args);
    } catch (err: any) {
      const message = err?.message ?? String(err);
      log.error(message);
      void vscode.window.showErrorMessage(vscode.l10n.t("ML Kata: {0}", message));
      return undefined;
    }
  };
}

/** Register the handler of every command package.json contributes (the type checks none is missing). */
export function registerCommands(d: CommandDeps): vscode.Disposable[] {
  const handlers: Handlers = {
    ...problemCommands(d),
    ...practiceCommands(d),
    ...historyCommands(d),
    ...interviewCommands(d),
    ...reviewCommands(d),
    [Commands.SHOW_LOGS]: async () => d.log.show(),
    [Commands.RESTART_SERVER]: async () => d.restart(),
  };
  return [
    ...Object.entries(handlers).map(([id, fn]) => vscode.commands.registerCommand(id, guard(d, fn, id))),
    registerAttemptDocuments(d.server),
  ];
}
