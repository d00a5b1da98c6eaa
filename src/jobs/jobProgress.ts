import * as vscode from 'vscode';
import type { JobInfo } from '../domain/model';
import { fractionDone, progressMessage, STOP_WATCHING_HINT, stoppedWatchingText } from './jobMessages';
import type { FollowedJob } from './types';

const SHOW_OUTPUT = 'Show Output';

/**
 * One notification for one user action (one or many VMs). Cancel means "stop watching":
 * the promise resolves at once, the Site Recovery jobs go on and stay in the output channel;
 * cancelling a job is the separate Cancel Job command. The notification says so (its text
 * ends with STOP_WATCHING_HINT; VS Code does not let us rename its Cancel button), and after
 * Cancel a notification says the jobs go on and where to follow them. Resolves with each
 * job's final reading, or, after Cancel, its latest one (check isTerminal()).
 */
export function followWithProgress(watched: FollowedJob[], title: string, log?: vscode.LogOutputChannel): Promise<JobInfo[]> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const finished = new Set<FollowedJob>();
      let reported = 0;
      let lastMoved: FollowedJob | undefined = watched[0];
      const report = (): void => {
        const percent = Math.floor(fractionDone(watched, finished) * 100);
        const focus = lastMoved && !finished.has(lastMoved) ? lastMoved : watched.find((w) => !finished.has(w));
        const text = progressMessage(watched, finished, focus, title);
        const message = finished.size < watched.length ? [text, STOP_WATCHING_HINT].filter(Boolean).join(' · ') : text;
        progress.report({ message, increment: Math.max(0, percent - reported) });
        reported = Math.max(reported, percent);
      };
      const subscriptions = watched.map((w) =>
        w.onUpdate(() => {
          lastMoved = w;
          report();
        }),
      );
      report();
      return new Promise<JobInfo[]>((resolve) => {
        const results = (): JobInfo[] => watched.flatMap((w) => (w.latest ? [w.latest] : []));
        let ended = false;
        const end = (): void => {
          if (ended) return;
          ended = true;
          subscriptions.forEach((s) => s.dispose());
          cancel.dispose();
          resolve(results());
        };
        const cancel = token.onCancellationRequested(() => {
          const stopped = watched.filter((x) => !finished.has(x));
          for (const w of stopped) {
            w.stopFollowing();
            log?.info(`[${w.label}] Stopped watching job ${w.jobName}: it goes on in Site Recovery. To end it, use "Cancel Job" on the job in the Jobs folder.`);
          }
          end();
          if (stopped.length) {
            const buttons = log ? [SHOW_OUTPUT] : [];
            void Promise.resolve(vscode.window.showInformationMessage(stoppedWatchingText(stopped), ...buttons)).then((choice) => {
              if (choice === SHOW_OUTPUT) log?.show(true);
            });
          }
        });
        let settled = 0;
        for (const w of watched) {
          const settle = (): void => {
            if (ended) return;
            finished.add(w);
            report();
            if (++settled === watched.length) end();
          };
          // done rejects only when the tracker stops following the job: count it as settled.
          w.done.then(settle, settle);
        }
        if (watched.length === 0) end();
      });
    }),
  );
}
