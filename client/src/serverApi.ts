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
}

export interface RunReport {
  problem: string;
  verdict: string;
  passed: number;
  total: number;
  tests: TestResultJson[];
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

/** A notification from the server, by its method. */
export type ServerNotification =
  | { method: typeof Notifications.RUN_FINISHED; params: { uri: string; title: string; report: RunReport } }
  | { method: typeof Notifications.MOCK_EVENT; params: any }
  | { method: typeof Notifications.REVIEW_CHANGED; params: ReviewStatus };

export interface ServerApi {
  /** Run a server command (waiting for the server to be up); its errors reject (the commands' guard shows them). */
  execute<T = any>(command: ServerCommand, params?: object): Promise<T>;
  /** Every notification of the running server (across restarts). */
  readonly onNotification: vscode.Event<ServerNotification>;
}

/** Where the views and commands write what they want a developer to see. */
export type Log = Pick<vscode.LogOutputChannel, "info" | "warn" | "error" | "show">;
