// A progress bar on anything long (on a terminal), quiet otherwise.
import cliProgress from "cli-progress";
import type { CliIo } from "./io.js";

export type ProgressReporter = (done: number, total: number, stage: string) => void;

export function progressReporter(io: CliIo, label: string): ProgressReporter {
  if (!io.interactive) return () => undefined;
  let bar: cliProgress.SingleBar | null = null;
  return (done, total, stage) => {
    if (!bar) {
      bar = new cliProgress.SingleBar(
        {
          format: `${label} [{bar}] {percentage}% | {value}/{total} | {stage}`,
          hideCursor: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { stage });
    }
    bar.setTotal(total);
    bar.update(done, { stage });
    if (done >= total) {
      bar.stop();
      bar = null;
    }
  };
}
