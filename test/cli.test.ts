import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { Response } from "../src/answer/schema.js";

beforeAll(() => {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
});

const ask = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["dist/ask.js", ...args], { encoding: "utf8", input, timeout: 30_000 });

describe("ask", () => {
  it("prints the human answer", () => {
    const r = ask(["燃煤锅炉"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("三(二) 积极开展燃煤锅炉关停整合");
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
