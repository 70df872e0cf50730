import type { DebianImageSpec } from './debianImage';

/** JAVA_HOME without the architecture in its name (Debian's is java-17-openjdk-<arch>). */
const JAVA_HOME = '/usr/lib/jvm/java-17';
const javaHomeLink = `ln -s "$(cd "$1/usr/lib/jvm" && echo java-17-openjdk-*)" "$1${JAVA_HOME}"`;

/**
 * The base images the company's private registry is assumed to hold, which generated
 * Dockerfiles start from (`FROM ${REGISTRY}/platform/…`). Built here from Debian
 * packages, so the lab's registry can stand in for the company's.
 */
export const PLATFORM_IMAGES: readonly DebianImageSpec[] = [
  {
    // Build stage of generated services: Java 17 JDK and Maven (Debian's 3.8).
    repository: 'platform/maven',
    tag: '3.8-openjdk-17',
    packages: ['openjdk-17-jdk-headless', 'maven', 'ca-certificates'],
    hook: [javaHomeLink],
    env: { JAVA_HOME, MAVEN_HOME: '/usr/share/maven' },
    workingDir: '/src',
    cmd: ['mvn', '--version'],
  },
  {
    // Runtime of generated services: Tomcat 10.1 on a Java 17 JRE, laid out as
    // CATALINA_HOME = /usr/local/tomcat with bin, conf, lib, webapps, logs, temp, work;
    // catalina.sh on PATH; groupadd/useradd (passwd) for the service's own user.
    repository: 'platform/tomcat',
    tag: '10.1-jre17',
    // tomcat10 asks for sysusers and tmpfiles: the standalone ones rather than systemd.
    packages: [
      'openjdk-17-jre-headless',
      'tomcat10',
      'systemd-standalone-sysusers',
      'systemd-standalone-tmpfiles',
      'passwd',
    ],
    hook: [
      javaHomeLink,
      'home="$1/usr/local/tomcat"',
      'mkdir -p "$home/webapps" "$home/logs" "$home/temp" "$home/work"',
      // Debian's Tomcat: scripts and jars under /usr/share/tomcat10, conf in /etc/tomcat10.
      'ln -s /usr/share/tomcat10/bin "$home/bin"',
      'ln -s /usr/share/tomcat10/lib "$home/lib"',
      'cp -a "$1/etc/tomcat10" "$home/conf"',
      'chmod -R a+rX "$home/conf"',
    ],
    env: {
      JAVA_HOME,
      CATALINA_HOME: '/usr/local/tomcat',
      PATH: '/usr/local/tomcat/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    },
    workingDir: '/usr/local/tomcat',
    exposedPorts: ['8080/tcp'],
    cmd: ['catalina.sh', 'run'],
  },
];
