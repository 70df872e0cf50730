import { renderMessage } from '@diehard/plugin-ha-posture-common';
import {
  FindingMessage,
  findingLines,
  ReviewEvent,
  ReviewItem,
  ReviewView,
} from '@diehard/plugin-handoff-review-common';
import { markdownText as md } from './markdownText';
import { EXPORT_LABELS, ExportLabels, ExportLanguage } from './markdownLabels';

const STATE_MARK: Record<string, string> = {
  passed: '[x]',
  waived: '[~]',
  failed: '[ ]',
  open: '[ ]',
};

/** A default item's title in the export's language; a configured title as written. */
function titleOf(
  item: ReviewItem,
  labels: ExportLabels,
  english: ExportLabels,
) {
  const key =
    item.kind === 'automatic' && item.category ? item.category : item.id;
  return Object.prototype.hasOwnProperty.call(english.itemTitles, key) &&
    english.itemTitles[key] === item.title
    ? labels.itemTitles[key]
    : item.title;
}

/** The findings' lines in the export's language (a record without messages: English). */
function itemFindings(
  item: ReviewItem,
  labels: ExportLabels,
  language: ExportLanguage,
): string[] {
  // A company rule's finding carries its own text in each language.
  const text = (m: FindingMessage) =>
    m.message?.id in labels.findingMessages
      ? renderMessage(m.message, labels.findingMessages)
      : m.texts?.[language];
  return findingLines(item, text, (severity, line) =>
    labels.finding(labels.severity[severity] ?? severity, line),
  );
}

/**
 * The review as Markdown, to paste into a change ticket, in English or French. Its
 * structure (headings, states, sign-offs, history) comes from the records only; every
 * string a person or a manifest wrote is escaped and kept to one line, so none can add
 * a heading, a sign-off, a checked item, a link or HTML.
 */
export function reviewToMarkdown(
  view: ReviewView,
  history: ReviewEvent[],
  language: ExportLanguage = 'en',
): string {
  const l = EXPORT_LABELS[language];
  const english = EXPORT_LABELS.en;
  const lines: string[] = [];
  lines.push(`# ${l.heading(md(view.entityRef))}`, '');
  lines.push(
    `- ${l.statusLine(l.status[view.status] ?? view.status)}${
      view.stale ? l.staleNote : ''
    }`,
    `- ${l.openedBy(md(view.createdBy), md(view.createdAt))}`,
    `- ${l.postureWhenOpened(
      view.posture.grade ?? l.gradeNone,
      view.posture.critical,
      view.posture.warning,
    )}`,
    `- ${l.groups(
      md(view.devGroup),
      md((view.opsGroups ?? [view.opsGroup]).join(', ')),
    )}`,
    '',
  );
  for (const side of ['dev', 'ops'] as const) {
    lines.push(`## ${l.side[side]}`, '');
    for (const item of view.items.filter(i => i.side === side)) {
      const state = view.itemStates[item.id];
      lines.push(
        `- ${STATE_MARK[state]} ${md(titleOf(item, l, english))} — ${
          l.state[state] ?? state
        }`,
      );
      for (const finding of itemFindings(item, l, language))
        lines.push(`  - ${md(finding)}`);
      if (item.checked)
        lines.push(
          `  - ${
            item.checked.length
              ? l.checked(item.checked.map(md).join(', '))
              : l.checkedNone
          }`,
        );
      if (item.waiver) {
        lines.push(
          `  - ${l.waived(
            md(item.waiver.approver),
            md(item.waiver.expiresOn),
            md(item.waiver.reason),
          )}`,
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
  lines.push(`## ${l.signOffs}`, '');
  if (!view.signOffs.length) lines.push(l.noSignOff);
  for (const signOff of view.signOffs) {
    lines.push(
      `- ${l.signOff(
        l.sideName[signOff.side],
        md(signOff.by),
        md(signOff.at),
        signOff.posture.grade ?? l.gradeNone,
      )}`,
    );
  }
  lines.push('', `## ${l.history}`, '');
  for (const event of history) {
    lines.push(
      `- v${event.version} ${md(minuteOf(event.at))} ${md(event.actor)}: ${md(
        l.action[event.action] ?? event.action,
      )}${historyDetail(event, view, l, english)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `2026-11-20T10:00:00.000Z` as `2026-11-20 10:00 UTC`; anything else as it is. */
function minuteOf(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** What an event changed: the item it touched (and its answer) or the side that signed. */
function historyDetail(
  event: ReviewEvent,
  view: ReviewView,
  l: ExportLabels,
  english: ExportLabels,
): string {
  const { itemId, done, side } = event.detail;
  if (event.action === 'sign-off' && (side === 'dev' || side === 'ops')) {
    return ` — ${l.sideName[side]}`;
  }
  const item = view.items.find(i => i.id === itemId);
  if (!item) return '';
  const answer =
    typeof done === 'boolean'
      ? ` — ${l.state[done ? 'passed' : 'failed']}`
      : '';
  return ` — ${md(titleOf(item, l, english))}${answer}`;
}
