// Generates a large, realistic manifest set for the benchmark: N workloads, each with the
// objects that belong to it (Service, PDB, NetworkPolicy, ConfigMap with Tomcat's server.xml,
// DSN Secret, Ingress, HPA, PVC), a mix of highly available and fragile ones. Deterministic.
// Usage: node generate.mjs <outDir> <workloads> [perFile]
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

let seed = 42;
const rand = () =>
  (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = p => rand() < p;

const serverXml = replicated => `<?xml version="1.0" encoding="UTF-8"?>
<Server port="8005" shutdown="SHUTDOWN">
  <Service name="Catalina">
    <Connector port="8080" protocol="HTTP/1.1" connectionTimeout="20000" />
    <Engine name="Catalina" defaultHost="localhost">
${
  replicated
    ? `      <Cluster className="org.apache.catalina.ha.tcp.SimpleTcpCluster" channelSendOptions="6">
        <Manager className="org.apache.catalina.ha.session.DeltaManager" expireSessionsOnShutdown="false" />
        <Channel className="org.apache.catalina.tribes.group.GroupChannel">
          <Membership className="org.apache.catalina.tribes.membership.cloud.CloudMembershipService"
                      membershipProviderClassName="kubernetes" />
          <Receiver className="org.apache.catalina.tribes.transport.nio.NioReceiver" address="auto" port="4000" />
        </Channel>
      </Cluster>`
    : '      <!-- <Cluster className="org.apache.catalina.ha.tcp.SimpleTcpCluster"/> -->'
}
      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false" />
    </Engine>
  </Service>
</Server>`;

function indent(text, n) {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map(l => pad + l)
    .join('\n');
}

function workload(ns, i) {
  const name = `svc-${i}`;
  const tomcat = i % 3 === 0;
  const db = i % 4 === 0;
  const replicas = pick(0.2) ? 1 : 3;
  const docs = [];
  const affinity = pick(0.7)
    ? `      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels: {app: ${name}}
`
    : '';
  const probe = pick(0.8)
    ? `          readinessProbe:
            httpGet: {path: /health, port: 8080}
            periodSeconds: 5
`
    : '';
  const resources = pick(0.8)
    ? `          resources:
            requests: {cpu: 100m, memory: 256Mi}
            limits: {memory: 256Mi}
`
    : '';
  let image = pick(0.1)
    ? `eni/${name}:latest`
    : `eni/${name}:1.${i % 9}.${i % 7}`;
  if (tomcat) image = `tomcat:10.1.${i % 40}-jdk21`;
  const env = [];
  if (tomcat)
    env.push(`            - name: KUBERNETES_NAMESPACE
              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}`);
  if (db)
    env.push(`            - name: DB_URL
              valueFrom: {secretKeyRef: {name: ${name}-db, key: url}}`);
  const mounts = [];
  const volumes = [];
  if (tomcat) {
    mounts.push(
      `            - {name: conf, mountPath: /usr/local/tomcat/conf/server.xml, subPath: server.xml}`,
    );
    volumes.push(`        - name: conf
          configMap: {name: ${name}-tomcat}`);
  }
  if (i % 6 === 0) {
    mounts.push(`            - {name: data, mountPath: /var/lib/${name}}`);
    volumes.push(`        - name: data
          persistentVolumeClaim: {claimName: ${name}-data}`);
  }
  docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels: {app: ${name}, app.kubernetes.io/part-of: ${ns}}
spec:
  replicas: ${replicas}
  strategy: ${
    pick(0.1)
      ? '{type: Recreate}'
      : '{type: RollingUpdate, rollingUpdate: {maxUnavailable: 1, maxSurge: 1}}'
  }
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
${
  tomcat ? `      serviceAccountName: ${name}\n` : ''
}${affinity}      containers:
        - name: app
          image: ${image}
          ports:
            - {name: http, containerPort: 8080}
${env.length ? `          env:\n${env.join('\n')}\n` : ''}${probe}${resources}${
    mounts.length ? `          volumeMounts:\n${mounts.join('\n')}\n` : ''
  }${volumes.length ? `      volumes:\n${volumes.join('\n')}\n` : ''}`);
  docs.push(`apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: http}]`);
  if (pick(0.75))
    docs.push(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${name}, namespace: ${ns}}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: ${name}}`);
  if (pick(0.7))
    docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: ${ns}}
spec:
  podSelector:
    matchLabels: {app: ${name}}
  policyTypes: [Ingress]
  ingress:
    - ports: [{port: 8080}]
    - from: [{podSelector: {matchLabels: {app: ${name}}}}]
      ports: [{port: 4000}]`);
  if (tomcat) {
    docs.push(`apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}-tomcat, namespace: ${ns}}
data:
  server.xml: |
${indent(serverXml(pick(0.6)), 4)}`);
    docs.push(`apiVersion: v1
kind: ServiceAccount
metadata: {name: ${name}, namespace: ${ns}}`);
    if (pick(0.7))
      docs.push(`apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: ${name}-pods, namespace: ${ns}}
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ${name}-pods, namespace: ${ns}}
subjects: [{kind: ServiceAccount, name: ${name}, namespace: ${ns}}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ${name}-pods}`);
  }
  if (db) {
    const urls = [
      `jdbc:mariadb://galera.${ns}.svc.cluster.local:3306/db${i}`,
      `jdbc:mysql://db-${i % 17}.eni.lan:3306/db${i}`,
      `jdbc:mariadb://galera-0.galera-headless:3306/db${i}`,
    ];
    const r = rand();
    let url = urls[2];
    if (r < 0.5) url = urls[0];
    else if (r < 0.75) url = urls[1];
    docs.push(`apiVersion: v1
kind: Secret
metadata: {name: ${name}-db, namespace: ${ns}}
type: Opaque
stringData:
  url: ${url}
  password: not-a-real-password-${i}`);
  }
  if (i % 5 === 0)
    docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}, namespace: ${ns}}
spec:
  ingressClassName: nginx
  tls: [{hosts: [${name}.${ns}.eni.example], secretName: ${name}-tls}]
  rules:
    - host: ${name}.${ns}.eni.example
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: ${
              pick(0.95) ? name : `${name}-old`
            }, port: {number: 80}}}`);
  if (i % 7 === 0)
    docs.push(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ${name}, namespace: ${ns}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}
  minReplicas: ${pick(0.3) ? 1 : 3}
  maxReplicas: 10
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]`);
  if (i % 6 === 0)
    docs.push(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}-data, namespace: ${ns}}
spec:
  accessModes: [${pick(0.5) ? 'ReadWriteOnce' : 'ReadWriteMany'}]
  storageClassName: ${pick(0.5) ? 'standard' : 'cephfs'}
  resources: {requests: {storage: 5Gi}}`);
  return docs;
}

function galera(ns) {
  return [
    `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: galera, namespace: ${ns}, labels: {app: galera}}
spec:
  serviceName: galera-headless
  replicas: 3
  selector: {matchLabels: {app: galera}}
  template:
    metadata: {labels: {app: galera}}
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector: {matchLabels: {app: galera}}
      containers:
        - name: mariadb-galera
          image: bitnami/mariadb-galera:11.4.4
          ports: [{name: mysql, containerPort: 3306}, {name: galera, containerPort: 4567}]
          readinessProbe: {exec: {command: [mysqladmin, ping]}}
          resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {memory: 1Gi}}
          volumeMounts: [{name: data, mountPath: /bitnami/mariadb}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}`,
    `apiVersion: v1
kind: Service
metadata: {name: galera, namespace: ${ns}}
spec: {selector: {app: galera}, ports: [{name: mysql, port: 3306}]}`,
    `apiVersion: v1
kind: Service
metadata: {name: galera-headless, namespace: ${ns}}
spec: {clusterIP: None, selector: {app: galera}, ports: [{name: mysql, port: 3306}]}`,
    `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: galera, namespace: ${ns}}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: galera}}}`,
  ];
}

/** Writes the set; returns { files, workloads, objects }. */
export function generate(outDir, total, perFile = 100) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  seed = 42;
  let objects = 0;
  let workloads = 0;
  const files = [];
  for (let f = 0; workloads < total; f++) {
    const ns = `team-${String(f).padStart(3, '0')}`;
    const docs = [...galera(ns)];
    workloads++;
    for (let i = 0; i < perFile - 1 && workloads < total; i++, workloads++)
      docs.push(...workload(ns, f * perFile + i));
    const text = `${docs.join('\n---\n')}\n`;
    objects += text.split(/^kind: /m).length - 1;
    const file = join(outDir, `${ns}.yaml`);
    writeFileSync(file, text);
    files.push(file);
  }
  return { files, workloads, objects };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, n = '5000', per = '100'] = process.argv.slice(2);
  console.log(generate(outDir, Number(n), Number(per)));
}
