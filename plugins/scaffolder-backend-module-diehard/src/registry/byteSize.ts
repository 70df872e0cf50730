import type { MessageLanguage } from '@diehard/plugin-ha-posture-common';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** `512 bytes`, `1.2 kB`, `4,7 Mo`: a size in the user's language, in decimal units as registries count. */
export function byteSize(bytes: number, language: MessageLanguage): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: 1,
  })
    .format(value)
    .replace(/[\u00a0\u202f]/g, ' '); // the task log's other lines use plain spaces
}
