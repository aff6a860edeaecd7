const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));
import {
  UserError
} from "./chunk-KBKTDO2V.js";

// src/repo/git.ts
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
var GitError = class extends Error {
  constructor(args, result) {
    super(`git ${args[0]} failed: ${(result.stderr || result.stdout).trim()}`);
    this.args = args;
    this.result = result;
    this.name = "GitError";
  }
  args;
  result;
};
var Git = class {
  constructor(directory, env = process.env) {
    this.directory = directory;
    this.env = env;
  }
  directory;
  env;
  /** The top folder of the work tree `directory` is in; undefined outside a git work tree. */
  async topLevel() {
    if (!mayFindRepository(this.directory, this.env)) return void 0;
    return this.tryRun(["rev-parse", "--show-toplevel"]);
  }
  /** Whether the checkout is a shallow clone (its history stops early). */
  async isShallow() {
    return await this.tryRun(["rev-parse", "--is-shallow-repository"]) === "true";
  }
  /** The commit HEAD is on; throws when there is none. */
  head() {
    return this.run(["rev-parse", "HEAD"]);
  }
  /** The branch checked out; undefined when HEAD is detached. */
  currentBranch() {
    return this.tryRun(["symbolic-ref", "--quiet", "--short", "HEAD"]);
  }
  /** The URL of a remote; undefined when there is no such remote. */
  remoteUrl(remote) {
    return this.tryRun(["remote", "get-url", remote]);
  }
  /** The full SHA of the commit `ref` names (a SHA, abbreviated or not, a branch, HEAD), undefined when the checkout has no such commit. */
  revParse(ref) {
    return this.tryRun(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  }
  /** A commit's SHA and committer date. */
  async commitInfo(ref) {
    const [sha, date] = (await this.run(["log", "-1", "--format=%H%x09%cI", ref, "--"])).split("	");
    return { sha, date: Date.parse(date) };
  }
  /** Whether `ancestor` is `descendant` or one of its ancestors (both must be commits the checkout has). */
  async isAncestor(ancestor, descendant) {
    const args = ["merge-base", "--is-ancestor", ancestor, descendant];
    const result = await this.exec(args);
    if (result.exitCode === 0 || result.exitCode === 1) return result.exitCode === 0;
    throw new GitError(args, result);
  }
  /** The best common ancestor of two commits; undefined when their histories share none; throws GitError when one is not a commit. */
  async mergeBase(a, b) {
    const args = ["merge-base", a, b];
    const result = await this.exec(args);
    if (result.exitCode === 0) return result.stdout.trim();
    if (result.exitCode === 1 && result.stderr.trim() === "") return void 0;
    throw new GitError(args, result);
  }
  /** The files whose content differs between two commits (the net change), renames found and listed by their new name. */
  async diffTree(from, to) {
    const fields = (await this.run(["diff", "--name-status", "-z", "--find-renames", from, to, "--"])).split("\0");
    const changes = [];
    for (let i = 0; i < fields.length && fields[i] !== ""; ) {
      const status = fields[i++];
      if (/^[RC]/.test(status)) {
        const [old, path] = [fields[i++], fields[i++]];
        changes.push(status.startsWith("R") ? { path, renamedFrom: old } : { path });
      } else {
        changes.push({ path: fields[i++] });
      }
    }
    return changes;
  }
  /** Files (relative to the top level) that differ between `base` and the work tree, staged or not, renames as a deletion and an addition. */
  async diffWorkTree(base) {
    return (await this.run(["diff", "--name-only", "-z", "--no-renames", base, "--"])).split("\0").filter(Boolean);
  }
  /** Files (relative to the top level) that git does not track and does not ignore. */
  async untrackedFiles() {
    return (await this.run(["ls-files", "-z", "--others", "--exclude-standard", "--full-name"])).split("\0").filter(Boolean);
  }
  /** The commits from `head` back that touched `file`, newest first: `max` of them after skipping `skip`. */
  async fileLog(head, file, page) {
    const log = await this.run(["log", `--skip=${page.skip}`, `-n${page.max}`, "--format=%H%x09%cI", head, "--", file]);
    return log.split("\n").filter(Boolean).map((line) => {
      const [sha, date] = line.split("	");
      return { sha, date: Date.parse(date) };
    });
  }
  /** A file's text at a commit (`file` relative to the top level); undefined where the commit has no such file (or a folder there). */
  showFile(commit, file) {
    return this.tryRun(["cat-file", "blob", `${commit}:${file}`], { keepNewline: true });
  }
  /** Paths (relative to the top level) with staged or unstaged changes among `paths`. */
  async changedPaths(paths) {
    if (paths.length === 0) return [];
    const out = await this.run(["status", "--porcelain=v1", "-z", "--untracked-files=no", "--", ...paths]);
    return out.split("\0").filter(Boolean).map((line) => line.slice(3));
  }
  /**
   * Commits `files` (already written to the work tree) on top of HEAD, only these paths, and leaves them staged as
   * committed. git fast-import writes the blobs, the trees and the commit as one pack; `git add` and `git commit` would
   * write each as a loose object, and creating those hundreds of small files was most of a large set-image run's time.
   * `git commit` stays for what fast-import would do differently: a signed commit (commit.gpgsign), a date taken from
   * GIT_AUTHOR_DATE or GIT_COMMITTER_DATE, an identity or path git must clean or quote, a file that is not a plain one.
   */
  async commit(files, message, author) {
    const { sha, staged } = await this.commitBeforeStaging(files, message, author);
    await staged;
    return sha;
  }
  /**
   * The same commit, answered once HEAD's branch points at it: `staged` settles when the index holds the commit's
   * paths as committed, so that what needs only the commit (a push) runs meanwhile. Anything else that touches the
   * index or the work tree (a reset, another commit) waits for `staged`.
   */
  async commitBeforeStaging(files, message, author) {
    const paths = files.map((file) => file.path);
    const [modes, signs, parent] = await Promise.all([this.indexModes(paths), this.signsCommits(), this.head()]);
    if (signs || !this.canFastImport(files, modes, author)) return { sha: await this.commitWithPorcelain(paths, message, author), staged: Promise.resolve() };
    const ref = `refs/gitops-promote/landing-${process.pid}`;
    const commit = await this.run(
      ["fast-import", "--quiet", "--done", "--force", "--date-format=now"],
      this.keepFreedMemory(),
      fastImportStream(ref, parent, files, modes, cleanMessage(message), author)
    );
    await this.run(["update-ref", "-m", `commit: ${message.split("\n")[0]}`, "--stdin"], {}, `update HEAD ${commit} ${parent}
delete ${ref}
`);
    const staged = this.run(["reset", "--quiet", "--", ...paths]).then(() => void 0);
    staged.catch(() => void 0);
    return { sha: commit, staged };
  }
  async commitWithPorcelain(paths, message, author) {
    await this.run(["add", "--", ...paths]);
    const identity = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email
    };
    await this.run(["commit", "--quiet", "--no-verify", "--file=-", "--", ...paths], identity, message);
    return this.head();
  }
  /** The index's file mode of each of `paths` that git tracks (100644, 100755, 120000 for a link, …). */
  async indexModes(paths) {
    const modes = /* @__PURE__ */ new Map();
    for (const entry of (await this.run(["ls-files", "--stage", "-z", "--", ...paths])).split("\0")) {
      const match = /^(\d+) [0-9a-f]+ \d\t(.*)$/s.exec(entry);
      if (match) modes.set(match[2], match[1]);
    }
    return modes;
  }
  canFastImport(files, modes, author) {
    if (this.env.GIT_AUTHOR_DATE || this.env.GIT_COMMITTER_DATE) return false;
    if (/[<>\n]/.test(author.name + author.email)) return false;
    return !files.some((file) => file.path.startsWith('"') || file.path.includes("\n") || !["100644", "100755", void 0].includes(modes.get(file.path)));
  }
  /**
   * fast-import deflates every object with a fresh zlib stream of a few hundred KiB, which glibc's malloc hands back
   * to the system at each free (its trim threshold follows the largest block freed): each object then faults the
   * same pages in again, 11,500 page faults and two thirds of fast-import's time for 300 small files. A trim
   * threshold above what one import frees keeps them; a threshold the environment sets is left alone, and other C
   * libraries ignore the variable.
   */
  keepFreedMemory() {
    return this.env.MALLOC_TRIM_THRESHOLD_ === void 0 ? { MALLOC_TRIM_THRESHOLD_: String(64 * 1024 * 1024) } : {};
  }
  /** Whether the repository's configuration signs every commit (commit.gpgsign), which only `git commit` does. */
  async signsCommits() {
    return await this.tryRun(["config", "--type=bool", "--get", "commit.gpgsign"]) === "true";
  }
  /** Pushes HEAD to the branch; 'moved' when the remote branch has commits we lack. */
  async push(remote, branch) {
    const result = await this.exec(["push", "--porcelain", remote, `HEAD:refs/heads/${branch}`]);
    if (result.exitCode === 0) return "pushed";
    const text = `${result.stdout}
${result.stderr}`;
    if (/\[rejected\].*\((fetch first|non-fast-forward)\)|\bnon-fast-forward\b|failed to update ref|cannot lock ref|incorrect old value/i.test(text)) {
      return "moved";
    }
    const hookLines = result.stderr.split("\n").filter((line) => line.startsWith("remote: ")).map((line) => line.slice("remote: ".length).trim()).filter(Boolean);
    const status = /\[(?:remote )?rejected\]\s*\(([^)]+)\)/.exec(text)?.[1];
    const fallback = text.split("\n").find((line) => /^(error|fatal): /.test(line))?.replace(/^(error|fatal): /, "");
    const reason = [hookLines.join(" "), status ? `(${status})` : ""].filter(Boolean).join(" ") || fallback || "no reason given";
    throw new UserError(`Push to ${remote}/${branch} was rejected by the remote: ${reason}.`);
  }
  /**
   * Points a branch the action owns at HEAD. With a lease (the head it was
   * seen at, '' for "must not exist") git refuses to overwrite a commit
   * another run pushed in between (--force-with-lease); without one it forces.
   */
  async forcePush(remote, branch, lease) {
    const ref = `refs/heads/${branch}`;
    const force = lease === void 0 ? "--force" : `--force-with-lease=${ref}:${lease}`;
    const result = await this.exec(["push", "--porcelain", force, remote, `HEAD:${ref}`]);
    if (result.exitCode === 0) return;
    if (/stale info|\(fetch first\)|already exists/i.test(`${result.stdout}
${result.stderr}`)) {
      throw new UserError(`${branch} changed on ${remote} while this run worked on it (another run?); run again to update it.`);
    }
    throw new GitError(["push", force, remote, `HEAD:${ref}`], result);
  }
  /** Fetches every branch of `remote` (its new commits); false when the fetch failed (offline, no access). */
  async fetch(remote) {
    return (await this.exec(["fetch", "--quiet", remote])).exitCode === 0;
  }
  /** Fetches one branch of `remote` and answers its head. */
  async fetchBranch(remote, branch) {
    await this.run(["fetch", "--quiet", "--no-tags", remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`]);
    return this.run(["rev-parse", `refs/remotes/${remote}/${branch}`]);
  }
  /** Moves HEAD (and the files that differ) to `commit`, keeping unrelated local changes. */
  async resetKeep(commit) {
    await this.run(["reset", "--quiet", "--keep", commit]);
  }
  /** The one runner: trimmed stdout (a final newline dropped); throws GitError on a non-zero exit. */
  async run(args, env = {}, input) {
    const result = await this.exec(args, env, input);
    if (result.exitCode !== 0) throw new GitError(args, result);
    return result.stdout.replace(/\n$/, "");
  }
  /** Stdout, or undefined on a non-zero exit; `keepNewline` returns a file's text as it is. */
  async tryRun(args, options = {}) {
    const result = await this.exec(args);
    if (result.exitCode !== 0) return void 0;
    return options.keepNewline ? result.stdout : result.stdout.replace(/\n$/, "");
  }
  async exec(args, env = {}, input) {
    const { runProcess } = await import("./run-process-CSGYRT4L.js");
    return runProcess("git", ["-c", "core.quotepath=off", ...args], {
      cwd: this.directory,
      input,
      env: { ...this.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...env }
    });
  }
};
function mayFindRepository(directory, env) {
  const start = resolve(directory);
  if (env.GIT_DIR || !existsSync(start)) return true;
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, ".git")) || existsSync(join(folder, "HEAD"))) return true;
    if (dirname(folder) === folder) return false;
  }
}
function fastImportStream(ref, parent, files, modes, message, author) {
  const data = (text) => `data ${Buffer.byteLength(text)}
${text}
`;
  const who = `${author.name} <${author.email}> now`;
  const changes = files.map((file) => file.deleted ? `D ${file.path}
` : `M ${modes.get(file.path) ?? "100644"} inline ${file.path}
${data(file.content)}`);
  return `commit ${ref}
mark :1
author ${who}
committer ${who}
${data(message)}from ${parent}
${changes.join("")}
get-mark :1
done
`;
}
function cleanMessage(message) {
  const lines = message.split("\n").map((line) => line.trimEnd());
  const kept = lines.filter((line, index) => line !== "" || index > 0 && lines[index - 1] !== "");
  while (kept[0] === "") kept.shift();
  while (kept.at(-1) === "") kept.pop();
  return kept.length === 0 ? "" : `${kept.join("\n")}
`;
}

export {
  GitError,
  Git
};
