// The mock interview's report page (Markdown): every phase in a table, then per round what was asked,
// answered and coded, and the candidate's own rating.
import * as vscode from "vscode";
import { clock, phaseName, plain, questionCount, verdictName } from "./format";
import type { MockPhaseReport, MockReport, Rubric, SpokenAnswer } from "./serverApi";

/** The rubric's parts, in the order they are asked and shown. */
export const RUBRIC: readonly (keyof Rubric)[] = ["communication", "correctness", "complexity", "testing"];

/** A part of the rubric as the user reads it. */
export function rubricName(key: keyof Rubric): string {
  const names: Record<keyof Rubric, string> = {
    communication: vscode.l10n.t("communication"),
    correctness: vscode.l10n.t("correctness"),
    complexity: vscode.l10n.t("complexity"),
    testing: vscode.l10n.t("testing"),
  };
  return names[key];
}

/** " (abandoned)" after an abandoned interview's title or count, else nothing. */
export function abandonedNote(abandoned: boolean): string {
  return abandoned ? vscode.l10n.t(" (abandoned)") : "";
}

export function mockReportMarkdown(report: MockReport): string {
  const coding = report.rounds.filter((r) => r.kind === "coding");
  const numbers = [...new Set(report.rounds.map((r) => r.interviewRound))];
  const parts = [
    `# ${vscode.l10n.t("Mock interview report: {0}", report.title)}`,
    "",
    coding.length === 1
      ? vscode.l10n.t("{0} of {1} coding task solved{2}.", report.solved, coding.length, abandonedNote(report.abandoned))
      : vscode.l10n.t("{0} of {1} coding tasks solved{2}.", report.solved, coding.length, abandonedNote(report.abandoned)),
    "",
    ...summaryTable(report.rounds),
    "",
  ];
  for (const n of numbers) {
    parts.push(`## ${vscode.l10n.t("Round {0}", n)}`, "");
    for (const phase of report.rounds.filter((r) => r.interviewRound === n)) {
      parts.push(...(phase.kind === "coding" ? codingSection(phase) : spokenSection(phase)));
    }
  }
  parts.push(...rubricSection(report.rubric));
  return parts.join("\n");
}

/** One row per phase. */
function summaryTable(phases: MockPhaseReport[]): string[] {
  const rows = phases.map((r) => {
    const used = vscode.l10n.t("{0} of {1}", clock(r.secondsUsed), clock(r.allowedSeconds));
    if (r.kind !== "coding") {
      const n = r.questions.length;
      const answered = r.answers.filter((a) => a.answer).length;
      const points = r.answers.reduce((sum, a) => sum + a.points.length, 0);
      const mentioned = r.answers.reduce((sum, a) => sum + a.mentioned, 0);
      const result = points
        ? vscode.l10n.t("{0}/{1} answered, {2}/{3} key points", answered, n, mentioned, points)
        : vscode.l10n.t("{0}/{1} answered", answered, n);
      return `| ${r.interviewRound} | ${phaseName(r.kind)} | ${questionCount(n)} | ${result} | ${used} | – | – | – |`;
    }
    const result = vscode.l10n.t("{0}, {1}/{2} tests", verdictName(r.verdict), r.passed, r.total);
    return `| ${r.interviewRound} | ${phaseName("coding")} | ${r.title} | ${result} | ${used} | ${r.runs} | ${r.overtimeRuns} | ${r.hints} |`;
  });
  return [vscode.l10n.t("| round | phase | task | result | time used | runs | overtime runs | hints |"), "|---|---|---|---|---|---|---|---|", ...rows];
}

/** A questions or follow-ups phase: each question, the answer given, its key points, the model answer. */
function spokenSection(phase: MockPhaseReport): string[] {
  const prefix = phase.kind === "followups" ? "F" : "Q";
  const parts = [`### ${phase.kind === "followups" ? phase.title : vscode.l10n.t("Questions")}`, ""];
  const answers: SpokenAnswer[] = phase.answers.length
    ? phase.answers
    : phase.questions.map((q) => ({ question: q.question, card: q.card, answer: "", points: [], mentioned: 0, model: null }));
  if (!phase.answers.length) {
    parts.push(`*${phase.closedBy === "abandoned" ? vscode.l10n.t("Not reached: the interview was abandoned.") : vscode.l10n.t("No answers recorded.")}*`, "");
  }
  answers.forEach((a, i) => {
    parts.push(`#### ${prefix}${i + 1}. ${plain(a.question)}`, "");
    parts.push(...(a.answer ? a.answer.split("\n").map((line) => `> ${line}`) : [`*${vscode.l10n.t("No answer.")}*`]), "");
    if (a.points.length) {
      parts.push(
        vscode.l10n.t("**Key points:** {0} of {1} mentioned", a.mentioned, a.points.length),
        "",
        ...a.points.map((p) => `- ${p.mentioned ? "✓" : "○"} ${plain(p.text)}`),
        "",
        `*${vscode.l10n.t("✓: the answer seems to mention it. A keyword match: a hint, not a grade.")}*`,
        "",
      );
    }
    if (a.model) parts.push(`<details><summary>${vscode.l10n.t("Model answer")}</summary>`, "", a.model.trim(), "", "</details>", "");
  });
  return parts;
}

/** A coding phase: the verdict, the clarifying questions asked, the follow-ups to think about. */
function codingSection(phase: MockPhaseReport): string[] {
  const parts = [
    `### ${vscode.l10n.t("Coding: {0}", phase.title)}`,
    "",
    vscode.l10n.t(
      "**{0}**, {1}/{2} tests, {3} of {4}.",
      verdictName(phase.verdict),
      phase.passed,
      phase.total,
      clock(phase.secondsUsed),
      clock(phase.allowedSeconds),
    ),
    "",
    `**${vscode.l10n.t("Clarifying questions asked:")}**`,
    "",
  ];
  if (phase.asked.length) {
    for (const q of phase.asked) parts.push(`- ${plain(q.question)}  `, `  *${vscode.l10n.t("Interviewer:")}* ${plain(q.answer)}`);
  } else {
    parts.push(vscode.l10n.t("None. (*ML Kata: Ask the Interviewer…* during a coding phase: asking is part of the round.)"));
  }
  parts.push("");
  if (phase.followups.length) {
    parts.push(`**${vscode.l10n.t("Follow-up questions to answer:")}**`, "", ...phase.followups.map((q) => `- ${plain(q)}`), "");
  }
  return parts;
}

function rubricSection(rubric: Rubric | null): string[] {
  const heading = `## ${vscode.l10n.t("Your rating")}`;
  if (!rubric) {
    return [
      heading,
      "",
      vscode.l10n.t("Not rated yet: run *ML Kata: Rate Your Interview…* to score communication, correctness, complexity and testing (1-5)."),
    ];
  }
  const total = RUBRIC.reduce((sum, key) => sum + rubric[key], 0);
  return [
    heading,
    "",
    `| ${RUBRIC.map(rubricName).join(" | ")} | ${vscode.l10n.t("total")} |`,
    `|${"---|".repeat(RUBRIC.length + 1)}`,
    `| ${RUBRIC.map((key) => `${rubric[key]}/5`).join(" | ")} | ${total}/${5 * RUBRIC.length} |`,
  ];
}
