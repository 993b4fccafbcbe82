// Palette commands of a mock interview: start, submit the phase, abandon, ask the interviewer, rate it.
import * as vscode from "vscode";
import type { MockClock } from "../mock";
import { RUBRIC, rubricName } from "../mockReport";
import { Commands, ServerCommand, ServerCommands } from "../protocol";
import type { InterviewerAnswer, InterviewerQuestions, MockEvent, MockReport, MockStatus, Rubric, ServerApi } from "../serverApi";
import type { Handlers } from "./types";

export interface InterviewDeps {
  server: ServerApi;
  mock: MockClock;
}

interface Interview {
  id: string;
  title: string;
  models: string;
  rounds: { problem: string | null; minutes: number }[];
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
        description: i.rounds
          .map((r) => (r.problem ? vscode.l10n.t("{0} ({1} min)", r.problem, r.minutes) : vscode.l10n.t("concept questions")))
          .join(" → "),
        detail: i.models,
      })),
      { title: vscode.l10n.t("Start Mock Interview") },
    );
    id = pick?.id;
  }
  if (!id) return undefined;
  const status = await server.execute<MockStatus>(ServerCommands.START_MOCK, timeScale ? { interview: id, timeScale } : { interview: id });
  await mock.started(status);
  return status;
}

/** A server command whose error reads without the command's name in front (the guard shows it). */
async function call<T>(server: ServerApi, command: ServerCommand, params: object): Promise<T> {
  try {
    return await server.execute<T>(command, params);
  } catch (err: any) {
    const message = `${err?.message ?? err}`;
    throw new Error(message.startsWith(`${command}: `) ? message.slice(command.length + 2) : message);
  }
}

/** Ask one of the clarifying questions the open coding phase offers (`question`: its number, else picked). */
async function ask({ server, mock }: InterviewDeps, question?: number): Promise<InterviewerAnswer | undefined> {
  let n = question;
  if (n === undefined) {
    const offered = await call<InterviewerQuestions>(server, ServerCommands.ASK_INTERVIEWER, {});
    if (!offered.questions.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t("ML Kata: the interviewer has no clarifying answers written for {0}.", offered.problem));
      return undefined;
    }
    const asked = new Set(offered.asked.map((a) => a.question));
    const pick = await vscode.window.showQuickPick(
      offered.questions.map((q) => ({
        index: q.index,
        label: q.question,
        description: q.kind,
        detail: asked.has(q.question) ? vscode.l10n.t("asked already") : undefined,
      })),
      {
        title: vscode.l10n.t("Ask the Interviewer"),
        placeHolder: vscode.l10n.t("A clarifying question about {0} (recorded for the report)", offered.problem),
        matchOnDescription: true,
      },
    );
    n = pick?.index;
  }
  if (n === undefined) return undefined;
  const answer = await call<InterviewerAnswer>(server, ServerCommands.ASK_INTERVIEWER, { question: n });
  mock.answered(answer);
  return answer;
}

/** What a part of the rubric asks about. */
function aspect(key: keyof Rubric): string {
  const aspects: Record<keyof Rubric, string> = {
    communication: vscode.l10n.t("Explained the approach, thought aloud, asked before assuming"),
    correctness: vscode.l10n.t("The code and the answers were right, edge cases included"),
    complexity: vscode.l10n.t("Stated the time and memory cost and chose a fitting approach"),
    testing: vscode.l10n.t("Tried examples and edge cases before submitting"),
  };
  return aspects[key];
}

/** The words of the scores 1 to 5. */
function scale(): string[] {
  return [vscode.l10n.t("poor"), vscode.l10n.t("weak"), vscode.l10n.t("fair"), vscode.l10n.t("good"), vscode.l10n.t("strong")];
}

/** Rate the latest interview 1-5 on each part of the rubric (`given`: the scores, else picked), then show its report. */
async function rate({ server, mock }: InterviewDeps, given?: Partial<Rubric>): Promise<MockReport | undefined> {
  await call(server, ServerCommands.MOCK_REPORT, {}); // no interview yet: say so before asking four questions
  const rubric: Partial<Rubric> = {};
  for (const [i, key] of RUBRIC.entries()) {
    let score = given?.[key];
    if (score === undefined) {
      const pick = await vscode.window.showQuickPick(
        scale().map((word, j) => ({ label: `${j + 1}`, description: word, score: j + 1 })),
        {
          title: vscode.l10n.t("Rate Your Interview ({0}/{1}): {2}", i + 1, RUBRIC.length, rubricName(key)),
          placeHolder: aspect(key),
          ignoreFocusOut: true,
        },
      );
      if (!pick) return undefined;
      score = pick.score;
    }
    rubric[key] = score;
  }
  const report = await call<MockReport>(server, ServerCommands.RATE_INTERVIEW, rubric);
  await mock.showReport(report);
  return report;
}

export function interviewCommands(d: InterviewDeps) {
  const { server, mock } = d;
  return {
    [Commands.MOCK_START]: async (name?: string, timeScale?: number) => start(d, name, timeScale),
    [Commands.MOCK_SUBMIT]: async () => {
      await mock.saveOpenPhase();
      const event = await server.execute<MockEvent>(ServerCommands.SUBMIT_ROUND);
      await mock.onEvent(event);
      return event;
    },
    [Commands.MOCK_ABANDON]: async () => {
      const ok = await vscode.window.showWarningMessage(vscode.l10n.t("Abandon the mock interview?"), { modal: true }, vscode.l10n.t("Abandon"));
      if (ok) await mock.ended(await server.execute<MockReport>(ServerCommands.ABANDON_MOCK));
    },
    [Commands.ASK]: async (question?: number) => ask(d, question),
    [Commands.RATE]: async (given?: Partial<Rubric>) => rate(d, given),
  } satisfies Partial<Handlers>;
}
