import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useLab } from '../../useLab';
import { httpGet } from '../../util/http';
import { freePort } from '../../util/net';

jest.setTimeout(120_000);

const get = (url: string) => httpGet(url, 30_000);

describe('tomcat', () => {
  it('serves a webapp from a CATALINA_BASE on a chosen loopback address, and stops', async () => {
    const { tomcat } = await useLab(['tomcat']);
    const base = await fsp.mkdtemp(
      path.join(os.tmpdir(), 'diehard-lab-tomcat-'),
    );
    const host = '127.0.33.7'; // any 127/8 address: a lab pod IP works the same way
    try {
      const webapps = path.join(base, 'apps');
      await fsp.mkdir(path.join(webapps, 'checkout'), { recursive: true });
      await fsp.writeFile(path.join(webapps, 'checkout', 'health.txt'), 'UP\n');

      const instance = await tomcat({
        host,
        port: await freePort(host),
        catalinaBase: base,
        webapps,
      });

      const res = await get(`${instance.url}/checkout/health.txt`);
      expect(res).toEqual({ status: 200, body: 'UP\n' });
      expect(await fsp.readFile(instance.logFile, 'utf8')).toMatch(
        /Apache Tomcat\/10\.1\./,
      );

      await instance.stop();
      await expect(get(`${instance.url}/checkout/health.txt`)).rejects.toThrow(
        /ECONNREFUSED/,
      );
    } finally {
      await fsp.rm(base, { recursive: true, force: true });
    }
  });
});
