/**
 * The `ask` CLI as a child process (built first): the human answer, --json, and --jsonl as other
 * programs use it — exactly one output line per non-blank input line, in order, with its id; bad
 * lines answered as invalid input; conversations by session; a reader that goes away ends it quietly.
 * (One file, so one build: two test files building dist/ at once could run a half-written bundle.)
 */
import { spawn, spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { Response } from "../src/answer/schema.js";

beforeAll(() => {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
});

const ask = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["dist/ask.js", ...args], {
    encoding: "utf8",
    input,
    timeout: 120_000,
    maxBuffer: 1 << 28,
  });

describe("ask", () => {
  it("prints the human answer", () => {
    const r = ask(["燃煤锅炉"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("三(二) 积极开展燃煤锅炉关停整合");
  });

  it("answers unnamed questions from DEFAULT_DOCUMENTS first, and warns about an id not loaded", () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ["dist/ask.js", "--json", "PM2.5目标"], {
        encoding: "utf8",
        timeout: 120_000,
        env: { ...process.env, ...env },
      });
    const plain = Response.parse(JSON.parse(run({}).stdout));
    expect(plain.citations[0]?.doc).toBe("shangqiu-air-quality-2024");
    const national = run({ DEFAULT_DOCUMENTS: "state-council-2023-24" });
    expect(Response.parse(JSON.parse(national.stdout)).citations[0]?.doc).toBe("state-council-2023-24");
    const unknown = run({ DEFAULT_DOCUMENTS: "no-such-plan" });
    expect(unknown.stderr).toContain("no-such-plan");
    expect(Response.parse(JSON.parse(unknown.stdout)).citations[0]?.doc).toBe("shangqiu-air-quality-2024");
  });

  it("prints the Response with --json", () => {
    const r = ask(["--json", "六(五)"]);
    const response = Response.parse(JSON.parse(r.stdout));
    expect(response.citations[0]?.id).toBe("6.5");
  });

  it("answers JSON lines in order with their ids, and nothing else on stdout", () => {
    const lines = [
      JSON.stringify({ id: 1, q: "六(五)" }),
      "not json at all",
      JSON.stringify({ id: "b", q: "城管局负责哪些任务" }),
      JSON.stringify({ id: 3, q: "" }),
      JSON.stringify({ id: 4, q: "明天天气怎么样" }),
    ];
    const r = ask(["--jsonl"], `${lines.join("\n")}\n`);
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual([1, null, "b", 3, 4]);
    for (const o of out) {
      const { id: _id, ...rest } = o;
      expect(() => Response.parse(rest)).not.toThrow();
    }
    expect(out.map((o) => o.status)).toEqual([
      "answered",
      "invalid_input",
      "answered",
      "invalid_input",
      "not_covered",
    ]);
    expect(out[2].citations.length).toBe(9);
  });
});

const jsonl = (input: string) =>
  spawnSync(process.execPath, ["dist/ask.js", "--jsonl"], {
    encoding: "utf8",
    input,
    timeout: 120_000,
    maxBuffer: 1 << 28,
  });

const RESPONSE_KEYS = Object.keys(Response.shape).sort();

/** Parses stdout: every line must be a Response plus `id`, and nothing else. */
function outputLines(stdout: string): Array<Response & { id: unknown }> {
  expect(stdout.endsWith("\n")).toBe(true);
  return stdout
    .slice(0, -1)
    .split("\n")
    .map((line) => {
      const o = JSON.parse(line);
      const { id, ...rest } = o;
      expect(Object.keys(o)[0]).toBe("id");
      expect(Object.keys(rest).sort()).toEqual(RESPONSE_KEYS);
      return { ...Response.parse(rest), id };
    });
}

describe("ask --jsonl: one line out per line in", () => {
  const cases: Array<{ line: string; id: unknown; status: string; stderr?: RegExp }> = [
    { line: JSON.stringify({ id: 1, q: "六(五)" }), id: 1, status: "answered" },
    { line: "not json at all", id: null, status: "invalid_input", stderr: /line 2: not JSON/ },
    { line: "[1, 2]", id: null, status: "invalid_input", stderr: /line 3: not a JSON object/ },
    { line: "42", id: null, status: "invalid_input", stderr: /line 4: not a JSON object/ },
    { line: '"六(五)"', id: null, status: "invalid_input", stderr: /line 5: not a JSON object/ },
    { line: "null", id: null, status: "invalid_input", stderr: /line 6: not a JSON object/ },
    {
      line: JSON.stringify({ id: "m", question: "六(五)" }),
      id: "m",
      status: "invalid_input",
      stderr: /line 7: "q"/,
    },
    {
      line: JSON.stringify({ id: { k: [1] }, q: 65 }),
      id: { k: [1] },
      status: "invalid_input",
      stderr: /line 8: "q"/,
    },
    { line: JSON.stringify({ id: 9, q: null }), id: 9, status: "invalid_input", stderr: /line 9: "q"/ },
    {
      line: JSON.stringify({ id: 10, q: "六(五)", session: 7 }),
      id: 10,
      status: "invalid_input",
      stderr: /line 10: "session"/,
    },
    { line: JSON.stringify({ id: 11, q: "" }), id: 11, status: "invalid_input" },
    { line: JSON.stringify({ q: "城管局牵头哪些任务" }), id: null, status: "answered" },
    { line: JSON.stringify({ id: null, q: "明天天气怎么样" }), id: null, status: "not_covered" },
    { line: JSON.stringify({ id: 1.5, q: "燃煤锅炉", extra: true }), id: 1.5, status: "answered" },
    { line: '{"id": "trunc", "q": "六(五)"', id: null, status: "invalid_input", stderr: /line 15: not JSON/ },
  ];

  it("answers each line in order, echoing its id, with bad lines as invalid_input Responses", () => {
    const r = jsonl(`${cases.map((c) => c.line).join("\n")}\n`);
    expect(r.status, r.stderr).toBe(0);
    const out = outputLines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(cases.map((c) => c.id));
    expect(out.map((o) => o.status)).toEqual(cases.map((c) => c.status));
    for (const [i, c] of cases.entries()) {
      if (c.status === "invalid_input") expect(out[i]?.kind).toBe("invalid_input");
      if (c.stderr) expect(r.stderr).toMatch(c.stderr);
    }
    expect(r.stderr).toMatch(/ask: 10 invalid lines/);
    expect(r.stderr).not.toMatch(/blank/);
  });

  it("skips blank lines and counts them on stderr; reads CRLF, a BOM and a last line without newline", () => {
    const input = `\uFEFF${JSON.stringify({ id: "a", q: "六(五)" })}\r\n\r\n   \n\t\n${JSON.stringify({ id: "b", q: "燃煤锅炉" })}`;
    const r = jsonl(input);
    expect(r.status, r.stderr).toBe(0);
    const out = outputLines(r.stdout);
    expect(out.map((o) => [o.id, o.citations[0]?.id])).toEqual([
      ["a", "6.5"],
      ["b", "3.2"],
    ]);
    expect(r.stderr).toMatch(/ask: 3 blank lines skipped/);
  });

  it("keeps the order and the count over many lines", () => {
    const questions = ["六(五)", "燃煤锅炉", "", "城管局牵头哪些任务", "明天天气怎么样"];
    const lines: string[] = [];
    let expected = 0;
    for (let i = 0; i < 300; i++) {
      if (i % 37 === 5) lines.push("");
      else if (i % 23 === 7) lines.push("{broken");
      else lines.push(JSON.stringify({ id: i, q: questions[i % questions.length] }));
      if (lines.at(-1) !== "") expected++;
    }
    const r = jsonl(`${lines.join("\n")}\n`);
    expect(r.status, r.stderr).toBe(0);
    const out = outputLines(r.stdout);
    expect(out).toHaveLength(expected);
    const ids = lines.filter((l) => l !== "").map((l) => (l.startsWith("{b") ? null : JSON.parse(l).id));
    expect(out.map((o) => o.id)).toEqual(ids);
  });

  it("prints nothing but JSON lines through npm run --silent", () => {
    const input = `${JSON.stringify({ id: 1, q: "六(五)" })}\nnot json\n\n${JSON.stringify({ id: 2, q: "PM2.5目标" })}\n`;
    const r = spawnSync("npm", ["run", "--silent", "ask", "--", "--jsonl"], {
      encoding: "utf8",
      input,
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(outputLines(r.stdout).map((o) => o.id)).toEqual([1, null, 2]);
  });
});

describe("ask --jsonl conversations", () => {
  it("reads each line of a session against that session's previous answer", () => {
    const lines = [
      { id: 1, q: "六(五)", session: "甲" },
      { id: 2, q: "三(二)", session: "s-2" },
      { id: 3, q: "谁牵头？", session: "甲" },
      { id: 4, q: "谁牵头？", session: "s-2" },
      { id: 5, q: "谁牵头？" },
      { id: 6, q: "谁牵头？", session: "never seen" },
      { id: 7, q: "明天天气怎么样", session: "甲" },
      { id: 8, q: "谁牵头？", session: "甲" },
    ];
    const r = jsonl(`${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    expect(r.status, r.stderr).toBe(0);
    const out = outputLines(r.stdout);
    const firstCited = out.map((o) => [o.id, o.status, o.citations[0]?.id ?? null]);
    expect(firstCited).toEqual([
      [1, "answered", "6.5"],
      [2, "answered", "3.2"],
      [3, "answered", "6.5"],
      [4, "answered", "3.2"],
      [5, "not_covered", null],
      [6, "not_covered", null],
      // A question not covered leaves the conversation where it was: "谁牵头？" still means 六(五).
      [7, "not_covered", null],
      [8, "answered", "6.5"],
    ]);
    expect(out[2]?.payload).toMatchObject({ kind: "item", focus: "departments" });
  });

  it("gives the same answers as the engine asked turn by turn", async () => {
    const { createEngine } = await import("../src/engine/index.js");
    const engine = await createEngine();
    const turns = ["我的蛋鸡场设计存栏20万羽，要纳入氨排放试点吗", "换成生猪呢，年出栏5000头", "谁负责？"];
    let context: Response["context"] = null;
    const expected: Response[] = [];
    for (const q of turns) {
      const response = await engine.answer(q, { context });
      context = response.context ?? context;
      expected.push(response);
    }
    const r = jsonl(`${turns.map((q, i) => JSON.stringify({ id: i, q, session: "farm" })).join("\n")}\n`);
    const out = outputLines(r.stdout);
    expect(out.map(({ id: _id, ...rest }) => rest)).toEqual(expected);
  }, 120_000);
});

describe("ask when the reader goes away", () => {
  it("ends quietly with exit 0 when stdout closes (head -1)", async () => {
    const child = spawn(process.execPath, ["dist/ask.js", "--jsonl"], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.stdin.on("error", () => {}); // it may stop reading before we stop writing
    child.stdin.end(`${JSON.stringify({ id: 1, q: "六(五)" })}\n`.repeat(3000));
    const first = await new Promise<string>((resolve) => {
      let buf = "";
      child.stdout.on("data", (d) => {
        buf += d;
        if (buf.includes("\n")) {
          child.stdout.destroy();
          resolve(buf.slice(0, buf.indexOf("\n")));
        }
      });
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("close", (c, s) => resolve([c, s])),
    );
    expect(JSON.parse(first).id).toBe(1);
    expect([code, signal]).toEqual([0, null]);
    expect(stderr).toBe("");
  }, 120_000);

  it("ends quietly in a shell pipeline, for --jsonl and a plain question", () => {
    const script = [
      `yes '{"id":1,"q":"六(五)"}' | head -2000 | node dist/ask.js --jsonl | head -1 >/dev/null`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's ${…}, not a template
      'echo "jsonl=${PIPESTATUS[2]}"',
      "node dist/ask.js 燃煤锅炉 | head -c 1 >/dev/null",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's ${…}, not a template
      'echo "plain=${PIPESTATUS[0]}"',
    ].join("\n");
    const r = spawnSync("bash", ["-c", script], { encoding: "utf8", timeout: 120_000 });
    expect(r.stdout).toBe("jsonl=0\nplain=0\n");
    expect(r.stderr).toBe("");
  });
});
