// The real Go toolchain, for the tests that compare gosim with it while they run. Such a test
// must not quietly pass without Go: a missing or different toolchain is a failure that says
// what is wrong, never a skip.
import { spawnSync } from 'node:child_process';

/** The release every golden in the repository was recorded with, and gosim follows. */
export const GOLDEN_GO_RELEASE = 'go1.26';

/** The environment for running `go`: never fetch another toolchain, whatever go.mod asks for. */
export const goEnv: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '' };

/**
 * Why `go` cannot be the reference here, or null when it can: it must be on PATH and be a
 * release of GOLDEN_GO_RELEASE (any patch version), since output details change between releases.
 */
export function goToolchainProblem(): string | null {
  const r = spawnSync('go', ['version'], { encoding: 'utf8', env: goEnv });
  if (r.error !== undefined || r.status !== 0) {
    return 'the Go toolchain is not on PATH; these tests compare with real Go'
      + ` (install ${GOLDEN_GO_RELEASE}, the release the goldens were recorded with)`;
  }
  if (releaseOf(r.stdout) !== GOLDEN_GO_RELEASE) {
    return `these tests compare with real Go ${GOLDEN_GO_RELEASE}, the release the goldens were recorded with,`
      + ` but \`go version\` says: ${r.stdout.trim()}`;
  }
  return null;
}

/** The release (`go1.26`) named by what `go version` printed, or null if it names none. */
export function releaseOf(goVersion: string): string | null {
  return /^go version (go\d+\.\d+)(?:\.\d+)? /.exec(goVersion)?.[1] ?? null;
}
