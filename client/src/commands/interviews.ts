// Palette commands of a mock interview: start, submit the round, abandon.
import * as vscode from "vscode";
import type { MockClock } from "../mock";
import { Commands, ServerCommands } from "../protocol";
import type { ServerApi } from "../serverApi";
import type { Handlers } from "./types";

export interface InterviewDeps {
  server: ServerApi;
  mock: MockClock;
}

interface Interview {
  id: string;
  title: string;
  models: string;
  rounds: { problem: string; minutes: number }[];
}

/** `name` and `timeScale` let a test start a given interview on a short clock. */
async function start({ server, mock }: InterviewDeps, name?: string, timeScale?: number): Promise<unknown> {
  const listing = await server.execute<{ interviews: Interview[] }>(ServerCommands.LIST_PROBLEMS);
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
  if (!id) return undefined;
  const status = await server.execute(ServerCommands.START_MOCK, timeScale ? { interview: id, timeScale } : { interview: id });
  await mock.started(status);
  return status;
}

export function interviewCommands(d: InterviewDeps) {
  const { server, mock } = d;
  return {
    [Commands.MOCK_START]: async (name?: string, timeScale?: number) => start(d, name, timeScale),
    [Commands.MOCK_SUBMIT]: async () => mock.onEvent(await server.execute(ServerCommands.SUBMIT_ROUND)),
    [Commands.MOCK_ABANDON]: async () => {
      const ok = await vscode.window.showWarningMessage("Abandon the mock interview?", { modal: true }, "Abandon");
      if (ok) await mock.showReport(await server.execute(ServerCommands.ABANDON_MOCK));
    },
  } satisfies Partial<Handlers>;
}
