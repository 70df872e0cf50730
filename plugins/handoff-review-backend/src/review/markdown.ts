import { ReviewEvent, ReviewView } from '@diehard/plugin-handoff-review-common';

const STATE_MARK: Record<string, string> = {
  passed: '[x]',
  waived: '[~]',
  failed: '[ ]',
  open: '[ ]',
};

/** The review as Markdown, to paste into a change ticket. */
export function reviewToMarkdown(
  view: ReviewView,
  history: ReviewEvent[],
): string {
  const lines: string[] = [];
  lines.push(`# Handoff review: ${view.entityRef}`, '');
  lines.push(
    `- Status: **${view.status}**${
      view.stale ? ' (stale: changed since it was signed)' : ''
    }`,
    `- Opened by ${view.createdBy} on ${view.createdAt}`,
    `- HA posture when opened: grade ${view.posture.grade ?? 'none'} (${
      view.posture.critical
    } critical, ${view.posture.warning} warning)`,
    `- Dev: ${view.devGroup}; Ops: ${view.opsGroup}`,
    '',
  );
  for (const side of ['dev', 'ops'] as const) {
    lines.push(`## ${side === 'dev' ? 'Dev' : 'Ops'} side`, '');
    for (const item of view.items.filter(i => i.side === side)) {
      const state = view.itemStates[item.id];
      lines.push(`- ${STATE_MARK[state]} ${item.title} — ${state}`);
      for (const finding of item.findings ?? []) lines.push(`  - ${finding}`);
      if (item.waiver) {
        lines.push(
          `  - waived by ${item.waiver.approver} until ${item.waiver.expiresOn}: ${item.waiver.reason}`,
        );
      }
      for (const comment of item.comments) {
        lines.push(`  - ${comment.author} (${comment.at}): ${comment.text}`);
      }
    }
    lines.push('');
  }
  lines.push('## Sign-offs', '');
  if (!view.signOffs.length) lines.push('None yet.');
  for (const signOff of view.signOffs) {
    lines.push(
      `- ${signOff.side === 'dev' ? 'Dev' : 'Ops'}: ${signOff.by} on ${
        signOff.at
      }, at grade ${signOff.posture.grade ?? 'none'}`,
    );
  }
  lines.push('', '## History', '');
  for (const event of history) {
    lines.push(
      `- v${event.version} ${event.at} ${event.actor}: ${event.action}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
