import { ReviewEvent, ReviewView } from '@diehard/plugin-handoff-review-common';
import { markdownText as md } from './markdownText';

const STATE_MARK: Record<string, string> = {
  passed: '[x]',
  waived: '[~]',
  failed: '[ ]',
  open: '[ ]',
};

/**
 * The review as Markdown, to paste into a change ticket. Its structure (headings,
 * states, sign-offs, history) comes from the records only; every string a person or
 * a manifest wrote is escaped and kept to one line, so none can add a heading, a
 * sign-off, a checked item, a link or HTML.
 */
export function reviewToMarkdown(
  view: ReviewView,
  history: ReviewEvent[],
): string {
  const lines: string[] = [];
  lines.push(`# Handoff review: ${md(view.entityRef)}`, '');
  lines.push(
    `- Status: **${view.status}**${
      view.stale ? ' (stale: changed since it was signed)' : ''
    }`,
    `- Opened by ${md(view.createdBy)} on ${md(view.createdAt)}`,
    `- HA posture when opened: grade ${view.posture.grade ?? 'none'} (${
      view.posture.critical
    } critical, ${view.posture.warning} warning)`,
    `- Dev: ${md(view.devGroup)}; Ops: ${md(
      (view.opsGroups ?? [view.opsGroup]).join(', '),
    )}`,
    '',
  );
  for (const side of ['dev', 'ops'] as const) {
    lines.push(`## ${side === 'dev' ? 'Dev' : 'Ops'} side`, '');
    for (const item of view.items.filter(i => i.side === side)) {
      const state = view.itemStates[item.id];
      lines.push(`- ${STATE_MARK[state]} ${md(item.title)} — ${state}`);
      for (const finding of item.findings ?? [])
        lines.push(`  - ${md(finding)}`);
      if (item.waiver) {
        lines.push(
          `  - waived by ${md(item.waiver.approver)} until ${md(
            item.waiver.expiresOn,
          )}: ${md(item.waiver.reason)}`,
        );
      }
      for (const comment of item.comments) {
        lines.push(
          `  - ${md(comment.author)} (${md(comment.at)}): ${md(comment.text)}`,
        );
      }
    }
    lines.push('');
  }
  lines.push('## Sign-offs', '');
  if (!view.signOffs.length) lines.push('None yet.');
  for (const signOff of view.signOffs) {
    lines.push(
      `- ${signOff.side === 'dev' ? 'Dev' : 'Ops'}: ${md(signOff.by)} on ${md(
        signOff.at,
      )}, at grade ${signOff.posture.grade ?? 'none'}`,
    );
  }
  lines.push('', '## History', '');
  for (const event of history) {
    lines.push(
      `- v${event.version} ${md(event.at)} ${md(event.actor)}: ${md(
        event.action,
      )}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
