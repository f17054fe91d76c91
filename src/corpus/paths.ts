/**
 * Where the project's own folders are, for the defaults: corpus/ (the documents), data/ (the genre's
 * data files) and .cache/. Found from this module's location, so the bundled CLIs in dist/ and the
 * sources under src/ agree, whatever the working directory.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root: the nearest folder up from this module with package.json and data/. */
export function projectRoot(): string {
  const isRoot = (d: string) => existsSync(join(d, "package.json")) && existsSync(join(d, "data"));
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!isRoot(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return isRoot(dir) ? dir : process.cwd();
}

/** The default folders under the project root. */
export const projectPaths = () => {
  const root = projectRoot();
  return { root, corpus: join(root, "corpus"), data: join(root, "data"), cache: join(root, ".cache") };
};
