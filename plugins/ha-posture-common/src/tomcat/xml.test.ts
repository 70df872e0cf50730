import { findAll, findFirst, parseXml } from './xml';

describe('parseXml', () => {
  it('reads elements and attributes and ignores comments', () => {
    const doc = parseXml(`<?xml version="1.0"?>
<!DOCTYPE x [ <!ENTITY a "b"> ]>
<Server port="8005">
  <!-- <Cluster className="org.apache.catalina.ha.tcp.SimpleTcpCluster"/> -->
  <Service name="Catalina"><Engine name="Catalina" defaultHost="localhost">
    <Host name="localhost" appBase="webapps"/>
  </Engine></Service>
</Server>`);
    expect(findAll(doc, 'Cluster')).toEqual([]);
    expect(findAll(doc, 'Host')[0].attrs).toEqual({
      name: 'localhost',
      appBase: 'webapps',
    });
  });

  it('keeps going on unclosed elements and decodes entities', () => {
    const doc = parseXml(
      '<web-app><distributable/><param-value>a &amp; b</param-value><open>',
    );
    expect(findAll(doc, 'distributable')).toHaveLength(1);
    expect(findAll(doc, 'param-value')[0].text).toBe('a & b');
  });
});

describe('parseXml on hostile input', () => {
  const cpu = (f: () => void) => {
    const before = process.cpuUsage();
    f();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1e6;
  };

  it('keeps a character reference beyond Unicode as written instead of throwing', () => {
    const doc = parseXml('<Cluster a="&#x110000;&#65;"/>');
    expect(findFirst(doc, 'Cluster')?.attrs.a).toBe('&#x110000;A');
  });

  it('finds elements 200,000 levels deep without exhausting the stack', () => {
    const doc = parseXml(`${'<a>'.repeat(200_000)}<Cluster/>`);
    expect(findAll(doc, 'Cluster')).toHaveLength(1);
  });

  it('stays linear on closing tags nobody opened and on a huge tag', () => {
    const small = cpu(() =>
      parseXml(
        `${'<a>'.repeat(10_000)}${'</b>'.repeat(10_000)}<S ${'x'.repeat(
          10_000,
        )}>`,
      ),
    );
    const large = cpu(() =>
      parseXml(
        `${'<a>'.repeat(100_000)}${'</b>'.repeat(100_000)}<S ${'x'.repeat(
          100_000,
        )}>`,
      ),
    );
    // Ten times the input: about ten times the work (a hundred times before).
    expect(large).toBeLessThan(Math.max(small * 30, 0.5));
  });
});
