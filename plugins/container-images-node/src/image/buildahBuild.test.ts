import { Readable } from 'node:stream';
import { eachLine, plainLine } from './buildahBuild';

describe('the build output the task log shows', () => {
  it('drops terminal colours, other control characters and redrawn states', () => {
    expect(plainLine('\x1b[0m')).toBe('');
    expect(plainLine('\x1b[1;31mERROR\x1b[0m Tests run: 3, Failures: 1')).toBe(
      'ERROR Tests run: 3, Failures: 1',
    );
    expect(plainLine('Downloading 10%\rDownloading 100%\r')).toBe(
      'Downloading 100%',
    );
    expect(plainLine('\x1b]0;build\x07done')).toBe('done');
    // Whatever a RUN step prints, no control character reaches the log but tabs.
    const hostile = plainLine(
      'ring\x07 \x1b]0;a window title\x07\x1bc\x00\x08\x7fdone',
    );
    expect(hostile.endsWith('done')).toBe(true);
    expect(
      [...hostile].filter(c => c !== '\t' && (c < ' ' || c === '\x7f')),
    ).toEqual([]);
    expect(plainLine('\tat io.diehard.todo.App.main(App.java:12)  ')).toBe(
      '\tat io.diehard.todo.App.main(App.java:12)',
    );
  });

  it('passes lines on whole across chunks, and a line without end in bounded pieces', async () => {
    const lines: string[] = [];
    const stream = Readable.from([
      'STEP 1/2: FR',
      'OM x\nSTE',
      'P 2/2\n',
      `${'a'.repeat(10_000)}`,
      'b\nlast',
    ]);
    await new Promise<void>(resolve => {
      eachLine(stream, line => lines.push(line));
      stream.on('end', resolve);
    });
    expect(lines.map(l => (l.length > 20 ? `${l[0]}×${l.length}` : l))).toEqual(
      ['STEP 1/2: FROM x', 'STEP 2/2', 'a×4096', 'a×4096', 'a×1809', 'last'],
    );
  });
});
