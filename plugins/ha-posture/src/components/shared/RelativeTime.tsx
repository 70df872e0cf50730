import { formatDateTime, formatRelativeTime } from '../../lib/relativeTime';
import { useLanguage } from '@diehard/plugin-ha-posture-react';

/** "5 minutes ago" ("5 min. ago" when `short`) with the full date as a tooltip. */
export function RelativeTime(props: { iso: string; short?: boolean }) {
  const language = useLanguage();
  return (
    <time dateTime={props.iso} title={formatDateTime(props.iso, language)}>
      {formatRelativeTime(
        props.iso,
        language,
        Date.now(),
        props.short ? 'short' : 'long',
      )}
    </time>
  );
}

/** The same as plain text, for translated sentences. */
export function useRelativeTime(): (iso: string) => string {
  const language = useLanguage();
  return iso => formatRelativeTime(iso, language);
}
