import { findAll, parseXml } from './xml';

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
