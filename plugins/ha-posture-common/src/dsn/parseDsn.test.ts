import { describeDsn, findDsns, parseDsn, redactSecrets } from './parseDsn';

describe('parseDsn', () => {
  it('reads single-host and multi-host JDBC URLs', () => {
    const one = parseDsn(
      'jdbc:mysql://db.example:3307/todo?user=app&password=s3cret',
    )!;
    expect(one.hosts).toEqual([{ host: 'db.example', port: 3307 }]);
    expect(one.database).toBe('todo');
    expect(one.redacted).not.toContain('s3cret');

    const many = parseDsn(
      'jdbc:mariadb:sequential://g-0.galera:3306,g-1.galera,g-2.galera/todo',
    )!;
    expect(many.mode).toBe('sequential');
    expect(many.hosts.map(h => h.host)).toEqual([
      'g-0.galera',
      'g-1.galera',
      'g-2.galera',
    ]);

    const pg = parseDsn(
      'jdbc:postgresql://pg-a:5432,pg-b:5432/app?targetServerType=primary',
    )!;
    expect(pg.hosts).toHaveLength(2);

    const kv = parseDsn(
      'jdbc:mysql://address=(host=a)(port=3306),address=(host=b)(port=3306)/db',
    )!;
    expect(kv.hosts.map(h => h.host)).toEqual(['a', 'b']);
  });

  it('reads URL, Go and keyword forms without keeping passwords', () => {
    const url = parseDsn('postgres://app:pa$$word@pg.db.svc:5432/app')!;
    expect(url.hosts).toEqual([{ host: 'pg.db.svc', port: 5432 }]);
    expect(describeDsn(url)).toBe('postgresql://pg.db.svc:5432/app');
    expect(url.redacted).not.toContain('pa$$word');

    const go = parseDsn('app:hunter2@tcp(mysql:3306)/todo?parseTime=true')!;
    expect(go.hosts).toEqual([{ host: 'mysql', port: 3306 }]);
    expect(go.redacted).not.toContain('hunter2');

    const kw = parseDsn(
      'host=pg1,pg2 port=5432 dbname=app user=app password=xyz',
    )!;
    expect(kw.hosts.map(h => h.host)).toEqual(['pg1', 'pg2']);
    expect(kw.redacted).not.toContain('xyz');
  });

  it('finds DSNs inside larger text and redacts', () => {
    const found = findDsns(
      '<Resource url="jdbc:mysql://galera:3306/todo?useSSL=false&amp;password=x"/> mysql://u:p@h/d',
    );
    expect(found.map(describeDsn)).toEqual([
      'mysql://galera:3306/todo',
      'mysql://h:3306/d',
    ]);
    expect(redactSecrets('mysql://u:secret@h/d?password=two')).toBe(
      'mysql://u:***@h/d?password=***',
    );
    // Every key that ends in a password, whatever its case.
    expect(
      redactSecrets(
        'jdbc:mariadb://g:3306/todo?sslPassword=s1&trustCertificateKeyStorePassword=s2&user=todo PGPASSWORD=s3 keyStorePasswd="s4"',
      ),
    ).toBe(
      'jdbc:mariadb://g:3306/todo?sslPassword=***&trustCertificateKeyStorePassword=***&user=todo PGPASSWORD=*** keyStorePasswd=***',
    );
  });

  it('is not fooled by text that is no DSN', () => {
    expect(parseDsn('https://example.com')).toBeUndefined();
    expect(findDsns('hello world')).toEqual([]);
  });
});
