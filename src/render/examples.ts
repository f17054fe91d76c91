/** Example questions for help texts, from data/examples.yaml (loaded once). */
import { join } from "node:path";
import { z } from "zod";
import { projectPaths, readYamlFile } from "../corpus/index.js";
import type { Lang } from "../understand/index.js";

const Examples = z.object({ zh: z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1) });
let examples: z.infer<typeof Examples> | undefined;

/** The example questions of a language, in the order the data file gives them. */
export function exampleQuestions(lang: Lang): readonly string[] {
  examples ??= Examples.parse(readYamlFile(join(projectPaths().data, "examples.yaml")));
  return examples[lang];
}
