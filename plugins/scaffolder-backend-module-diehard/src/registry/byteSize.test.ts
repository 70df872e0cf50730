import { byteSize } from './byteSize';

describe('byteSize', () => {
  it('says a blob size in the unit that reads best, in English and French', () => {
    expect(
      [512, 1_234, 4_700_000, 166_040_000, 1_500_000_000].map(b => [
        byteSize(b, 'en'),
        byteSize(b, 'fr'),
      ]),
    ).toEqual([
      ['512 bytes', '512 octets'],
      ['1.2 kB', '1,2 ko'],
      ['4.7 MB', '4,7 Mo'],
      ['166 MB', '166 Mo'],
      ['1.5 GB', '1,5 Go'],
    ]);
  });
});
