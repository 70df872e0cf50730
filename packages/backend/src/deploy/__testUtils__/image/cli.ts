import { useLab } from '@diehard/lab';
import { buildDiehardImage } from './buildDiehardImage';

/**
 * `yarn image:build [--no-cache]`: builds Diehard's image (after `yarn build:backend`)
 * and pushes it to the lab's registry; prints the reference to use with the chart.
 */
async function main() {
  const noCache = process.argv.includes('--no-cache');
  const { registry } = await useLab(['registry']);
  const started = Date.now();
  const image = await buildDiehardImage({
    registry,
    noCache,
    report: line => process.stderr.write(`${line}\n`),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${JSON.stringify(
      {
        reference: image.reference,
        tag: `${image.repository}:${image.tag}`,
        digest: image.digest,
        compressedMiB: +(image.bytes / 1024 / 1024).toFixed(1),
        seconds: +seconds,
        cached: image.cached,
      },
      null,
      2,
    )}\n`,
  );
}

main().catch(e => {
  process.stderr.write(`image: ${(e as Error).message}\n`);
  process.exit(1);
});
