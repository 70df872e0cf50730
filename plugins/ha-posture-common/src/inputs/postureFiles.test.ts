import {
  isPostureInput,
  postureFileKind,
  readPostureFiles,
} from './postureFiles';

describe('isPostureInput', () => {
  it.each([
    'k8s/deployment.yaml',
    'k8s/list.yml',
    'k8s/list.JSON',
    'conf/server.xml',
    'tomcat/conf/context.xml',
    'conf/Catalina/localhost/ROOT.xml',
    'tomcat/conf/Catalina/www.example.com/shop.xml',
    'src/main/webapp/WEB-INF/web.xml',
    'src/main/webapp/META-INF/context.xml',
    'conf\\Catalina\\localhost\\ROOT.xml',
  ])('reads %s', path => expect(isPostureInput(path)).toBe(true));

  it.each([
    'pom.xml',
    'conf/logging.properties',
    'conf/Catalina/localhost.xml',
    'conf/Catalina/localhost/nested/app.xml',
    'conf/tomcat-users.xml',
    'README.md',
    '.github/workflows/ci.yml',
    'web/node_modules/pkg/package.json',
  ])('skips %s', path => expect(isPostureInput(path)).toBe(false));
});

describe('readPostureFiles', () => {
  it('turns a folder into objects, Tomcat files and errors, in order', () => {
    const read = readPostureFiles([
      {
        path: 'k8s/app.yaml',
        content:
          'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\nkind: [\n',
      },
      { path: 'conf/Catalina/localhost/ROOT.xml', content: '<Context/>' },
      { path: 'pom.xml', content: '<project/>' },
      { path: '.helm/x.yaml', content: 'kind: Service\nmetadata: {name: b}' },
    ]);
    expect(read.objects.map(o => o.object.metadata?.name)).toEqual(['a']);
    expect(read.objects[0].source).toEqual({ file: 'k8s/app.yaml', line: 1 });
    expect(read.files).toEqual([
      { path: 'conf/Catalina/localhost/ROOT.xml', content: '<Context/>' },
    ]);
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0].file).toBe('k8s/app.yaml');
    expect(read.manifestCount).toBe(1);
  });

  it('knows a Catalina context file as a Tomcat file the engine reads', () => {
    expect(postureFileKind('conf/Catalina/localhost/ROOT.xml')).toBe('tomcat');
  });
});
