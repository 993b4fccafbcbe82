// What the views and commands may ask of the language server: run a command, hear its notifications.
import type * as vscode from "vscode";
import type { Notifications, ServerCommand } from "./protocol";

export interface TestResultJson {
  name: string;
  verdict: string;
  message: string;
  line: number | null;
  column: number | null;
  end_line: number | null;
  end_column: number | null;
  duration_ms: number;
  /** Lines about the failing case: its inputs, expected and got at the first mismatch. */
  details?: string[];
  /** A wrong answer's expected and actual values as readable text, when they have one (for a diff). */
  expected?: string;
  actual?: string;
}

export interface RunReport {
  problem: string;
  verdict: string;
  passed: number;
  total: number;
  tests: TestResultJson[];
  /** Only some of the file's tests were run (a re-run of those): the others keep their last results. */
  partial?: boolean;
}

/** The review queue: how many items are due now, and the first of them (`reviewStatus`, `reviewChanged`). */
export interface ReviewStatus {
  due: number;
  next: { kind: "card" | "problem"; id: string; due: number; state: string; title: string } | null;
}

/** What `revealCard` returns: the model answer and the key points the written answer seems to mention. */
export interface RevealedCard {
  id: string;
  question: string;
  answer: string;
  points: { text: string; mentioned: boolean }[];
  mentioned: number;
  note: string;
  source: string;
  topic: string;
  problems: string[];
}

/** What `gradeCard` returns: when the card is due next (epoch seconds), and the queue after the grade. */
export interface GradedCard {
  id: string;
  grade: string;
  due: number;
  state: string;
  status: ReviewStatus;
}

/** A mock interview round's phases, in order (an old interview's rounds are coding phases). */
export type PhaseKind = "questions" | "coding" | "followups";

/** The running mock interview (`mockStatus`, and the status in each `mlkata/mockEvent`); `active: false` when none. */
export interface MockStatus {
  active: boolean;
  now: number;
  id?: string;
  title?: string;
  /** The open phase's index (null once finished) and how many phases there are. */
  round?: number | null;
  rounds?: number;
  /** The open phase: its kind, its interview round (1-based) of how many, its questions. */
  phase?: PhaseKind | null;
  interviewRound?: number | null;
  interviewRounds?: number;
  questions?: string[];
  problem?: string | null;
  /** The open phase's file: the solution file (coding), else the round's Markdown answer file. */
  path?: string | null;
  deadline?: number | null;
  roundStates?: { kind: PhaseKind; problem: string | null; title: string; state: string }[];
  report?: MockReport;
}

/** What a `mlkata/mockEvent` notification (and `submitRound`) says. */
export interface MockEvent {
  event: "roundClosed" | "finished";
  reason: string;
  closed: number[];
  status: MockStatus;
  report?: MockReport;
}

/** An answer written in a questions or follow-ups phase, and the key points it seems to mention (a keyword match). */
export interface SpokenAnswer {
  question: string;
  card: string | null;
  answer: string;
  points: { text: string; mentioned: boolean }[];
  mentioned: number;
  model: string | null;
}

/** One phase of the report. */
export interface MockPhaseReport {
  round: number;
  kind: PhaseKind;
  interviewRound: number;
  problem: string | null;
  title: string;
  allowedSeconds: number;
  secondsUsed: number | null;
  closedBy: string | null;
  verdict: string;
  passed: number;
  total: number;
  runs: number;
  overtimeRuns: number;
  hints: number;
  followups: string[];
  questions: { card: string | null; question: string }[];
  answers: SpokenAnswer[];
  /** The clarifying questions asked during a coding phase. */
  asked: { question: string; answer: string }[];
}

/** The candidate's own rating, each 1 to 5 (`rateInterview`). */
export interface Rubric {
  communication: number;
  correctness: number;
  complexity: number;
  testing: number;
}

export interface MockReport {
  id: string;
  title: string;
  abandoned: boolean;
  solved: number;
  rounds: MockPhaseReport[];
  rubric: Rubric | null;
}

/** `askInterviewer` without a question: what may be asked in the open coding phase. */
export interface InterviewerQuestions {
  problem: string;
  questions: { index: number; question: string; kind: string }[];
  asked: { question: string; answer: string }[];
}

/** `askInterviewer` with a question: the interviewer's answer (recorded for the report). */
export interface InterviewerAnswer {
  problem: string;
  question: string;
  answer: string;
  /** The round's statement leaves this detail out: asking it is rewarded. */
  heldBack: boolean;
}

/** A notification from the server, by its method. */
export type ServerNotification =
  | { method: typeof Notifications.RUN_FINISHED; params: { uri: string; title: string; report: RunReport } }
  | { method: typeof Notifications.MOCK_EVENT; params: MockEvent }
  | { method: typeof Notifications.REVIEW_CHANGED; params: ReviewStatus };

export interface ServerApi {
  /** Run a server command (waiting for the server to be up); its errors reject (the commands' guard shows them). */
  execute<T = any>(command: ServerCommand, params?: object): Promise<T>;
  /** Every notification of the running server (across restarts). */
  readonly onNotification: vscode.Event<ServerNotification>;
}

/** Where the views and commands write what they want a developer to see. */
export type Log = Pick<vscode.LogOutputChannel, "info" | "warn" | "error" | "show">;
