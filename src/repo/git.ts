import { runProcess, type ProcessResult } from '../process/run-process.js';
import { UserError } from '../errors.js';
import type { Identity } from '../types.js';

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: ProcessResult,
  ) {
    super(`git ${args[0]} failed: ${(result.stderr || result.stdout).trim()}`);
    this.name = 'GitError';
  }
}


/** Every git call of the action goes through this one class. */
export class Git {
  constructor(
    readonly directory: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Runs git and returns its trimmed stdout; throws GitError on a non-zero exit. */
  async run(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<string> {
    const result = await this.exec(args, env, input);
    if (result.exitCode !== 0) throw new GitError(args, result);
    return result.stdout.replace(/\n$/, '');
  }

  exec(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<ProcessResult> {
    return runProcess('git', ['-c', 'core.quotepath=off', ...args], {
      cwd: this.directory,
      input,
      env: { ...this.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...env },
    });
  }

  async tryRun(args: readonly string[]): Promise<string | undefined> {
    const result = await this.exec(args);
    return result.exitCode === 0 ? result.stdout.replace(/\n$/, '') : undefined;
  }

  topLevel(): Promise<string | undefined> {
    return this.tryRun(['rev-parse', '--show-toplevel']);
  }

  head(): Promise<string> {
    return this.run(['rev-parse', 'HEAD']);
  }

  currentBranch(): Promise<string | undefined> {
    return this.tryRun(['symbolic-ref', '--quiet', '--short', 'HEAD']);
  }

  /** Paths (relative to the top level) with staged or unstaged changes among `paths`. */
  async changedPaths(paths: readonly string[]): Promise<string[]> {
    if (paths.length === 0) return [];
    const out = await this.run(['status', '--porcelain=v1', '-z', '--untracked-files=no', '--', ...paths]);
    return out.split('\0').filter(Boolean).map((line) => line.slice(3));
  }

  async commit(paths: readonly string[], message: string, author: Identity): Promise<string> {
    await this.run(['add', '--', ...paths]);
    const identity = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
    };
    await this.run(['commit', '--quiet', '--no-verify', '--file=-', '--', ...paths], identity, message);
    return this.head();
  }

  /** Pushes HEAD to the branch; 'moved' when the remote branch has commits we lack. */
  async push(remote: string, branch: string): Promise<'pushed' | 'moved'> {
    const result = await this.exec(['push', '--porcelain', remote, `HEAD:refs/heads/${branch}`]);
    if (result.exitCode === 0) return 'pushed';
    const text = `${result.stdout}\n${result.stderr}`;
    if (/\[rejected\].*\((fetch first|non-fast-forward)\)|\bnon-fast-forward\b|failed to update ref|cannot lock ref|incorrect old value/i.test(text)) {
      return 'moved';
    }
    const hookLines = result.stderr
      .split('\n')
      .filter((line) => line.startsWith('remote: '))
      .map((line) => line.slice('remote: '.length).trim())
      .filter(Boolean);
    const status = /\[(?:remote )?rejected\]\s*\(([^)]+)\)/.exec(text)?.[1];
    const fallback = text.split('\n').find((line) => /^(error|fatal): /.test(line))?.replace(/^(error|fatal): /, '');
    const reason = [hookLines.join(' '), status ? `(${status})` : ''].filter(Boolean).join(' ') || fallback || 'no reason given';
    throw new UserError(`Push to ${remote}/${branch} was rejected by the remote: ${reason}.`);
  }

  /**
   * Points a branch the action owns at HEAD. With a lease (the head it was
   * seen at, '' for "must not exist") git refuses to overwrite a commit
   * another run pushed in between (--force-with-lease); without one it forces.
   */
  async forcePush(remote: string, branch: string, lease: string | undefined): Promise<void> {
    const ref = `refs/heads/${branch}`;
    const force = lease === undefined ? '--force' : `--force-with-lease=${ref}:${lease}`;
    const result = await this.exec(['push', '--porcelain', force, remote, `HEAD:${ref}`]);
    if (result.exitCode === 0) return;
    if (/stale info|\(fetch first\)|already exists/i.test(`${result.stdout}\n${result.stderr}`)) {
      throw new UserError(`${branch} changed on ${remote} while this run worked on it (another run?); run again to update it.`);
    }
    throw new GitError(['push', force, remote, `HEAD:${ref}`], result);
  }

  async fetchBranch(remote: string, branch: string): Promise<string> {
    await this.run(['fetch', '--quiet', '--no-tags', remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`]);
    return this.run(['rev-parse', `refs/remotes/${remote}/${branch}`]);
  }

  /** Moves HEAD (and the files that differ) to `commit`, keeping unrelated local changes. */
  async resetKeep(commit: string): Promise<void> {
    await this.run(['reset', '--quiet', '--keep', commit]);
  }
}
