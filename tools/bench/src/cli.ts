// Issue #8: the CPU a `qadam` command takes to start and finish, beside a bare `node -e 0`, the goal
// being at most twice as much for `qadam --help` and a schedule preview. The three are run in turn,
// round after round (node, --help, preview, node, …), so that each round's ratios compare runs made
// under the same load of a shared machine; the figure to quote is the median of those ratios.
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";

const PREVIEW = ["loan", "schedule", "--principal", "100000", "--annual-rate", "24", "--installments", "12"];

interface Run {
  cpu: number;
  wall: number;
}

/**
 * User + system CPU seconds of one run of `node args`, as bash's `times` reports its child (to the
 * millisecond: /usr/bin/time rounds to 10 ms, a sixth of a bare node's start), and its wall seconds.
 */
function timed(args: readonly string[]): Run {
  const start = performance.now();
  const r = spawnSync(
    "bash",
    ["-c", '"$@" >/dev/null; s=$?; times; exit $s', "bash", process.execPath, ...args],
    {
      encoding: "utf8",
    },
  );
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${r.stderr}`);
  // The second line of `times`: the children's user and system time, as 0m0.061s 0m0.012s.
  const seconds = (r.stdout.trim().split("\n")[1] ?? "").split(" ").map((t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  });
  const cpu = (seconds[0] ?? Number.NaN) + (seconds[1] ?? Number.NaN);
  if (!Number.isFinite(cpu)) throw new Error(`bash's times printed ${JSON.stringify(r.stdout)}`);
  return { cpu, wall };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number, digits: number) => Number(x.toFixed(digits));

export function cliStart(bin: string, runs = Number(process.env.BENCH_CLI_RUNS ?? 21)) {
  const commands = {
    bareNode: ["-e", "0"],
    help: [bin, "--help"],
    schedulePreview: [bin, ...PREVIEW, "--disbursed", "2026-01-15", "--first-due", "2026-02-15"],
  };
  const names = Object.keys(commands) as Array<keyof typeof commands>;
  const loadBefore = loadavg()[0] ?? 0;
  for (const name of names) timed(commands[name]); // warm-up: the files in the page cache
  const samples = { bareNode: [] as Run[], help: [] as Run[], schedulePreview: [] as Run[] };
  for (let i = 0; i < runs; i++) for (const name of names) samples[name].push(timed(commands[name]));
  const figures = (name: keyof typeof commands) => ({
    cpuSeconds: round(median(samples[name].map((r) => r.cpu)), 3),
    wallSeconds: round(median(samples[name].map((r) => r.wall)), 3),
  });
  /** This command's CPU over bare node's in the same round: the median, and the spread. */
  const ratio = (name: keyof typeof commands) => {
    const ratios = samples[name].map((r, i) => r.cpu / Math.max(samples.bareNode[i]?.cpu ?? 0, 0.001));
    return {
      timesBareNode: round(median(ratios), 2),
      timesBareNodeMinMax: [round(Math.min(...ratios), 2), round(Math.max(...ratios), 2)],
    };
  };
  return {
    runs,
    method:
      "CPU (user + system) of each run, by bash's times; each ratio the median of the rounds' own ratios",
    goalTimesBareNode: 2,
    machineLoad: [round(loadBefore, 1), round(loadavg()[0] ?? 0, 1)],
    bareNode: figures("bareNode"),
    help: { ...figures("help"), ...ratio("help") },
    schedulePreview: { ...figures("schedulePreview"), ...ratio("schedulePreview") },
  };
}
