// Small text helpers the pages and the status bar share.
import * as vscode from "vscode";
import type { PhaseKind } from "./serverApi";

/** Seconds as m:ss ("–" when unknown). */
export function clock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "–";
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Text shown as is: no emphasis, link or HTML from its characters. */
export function plain(text: string): string {
  return text.replace(/[\\*`[\]]/g, "\\$&").replace(/</g, "&lt;");
}

/** A mock phase as people say it (a phase of an old interview is a coding phase). */
export function phaseName(kind: PhaseKind | null | undefined): string {
  return kind === "questions" ? vscode.l10n.t("questions") : kind === "followups" ? vscode.l10n.t("follow-ups") : vscode.l10n.t("coding");
}

/** "1 question", "3 questions". */
export function questionCount(n: number): string {
  return n === 1 ? vscode.l10n.t("1 question") : vscode.l10n.t("{0} questions", n);
}

/** A run's verdict as words ("wrong answer"); an unknown one with its underscores as spaces. */
export function verdictName(verdict: string | null | undefined): string {
  if (!verdict) return "";
  const names: Record<string, string> = {
    passed: vscode.l10n.t("passed"),
    wrong_answer: vscode.l10n.t("wrong answer"),
    runtime_error: vscode.l10n.t("runtime error"),
    time_limit: vscode.l10n.t("time limit"),
    memory_limit: vscode.l10n.t("memory limit"),
    output_limit: vscode.l10n.t("output limit"),
    forbidden_api: vscode.l10n.t("forbidden API"),
    syntax_error: vscode.l10n.t("syntax error"),
    not_implemented: vscode.l10n.t("not implemented"),
  };
  return names[verdict] ?? verdict.replace(/_/g, " ");
}

/** A problem's difficulty (easy, medium, hard) as words; another as it is. */
export function difficultyName(difficulty: string): string {
  const names: Record<string, string> = { easy: vscode.l10n.t("easy"), medium: vscode.l10n.t("medium"), hard: vscode.l10n.t("hard") };
  return names[difficulty] ?? difficulty;
}

/** A moment (epoch seconds) as a date and time in VS Code's display language. */
export function dateTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toLocaleString(vscode.env.language);
}
