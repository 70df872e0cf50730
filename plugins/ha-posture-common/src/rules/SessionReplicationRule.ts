import { msg } from '../messages/format';
import { sessionConfigOf } from '../tomcat/sessionConfig';
import { tomcatContainerOf, tomcatFileKind } from '../tomcat/configFiles';
import {
  PostureRule,
  RuleCheck,
  findingFor,
  label,
  liveNodes,
  nodePhrase,
} from './rule';

const notReplicated: RuleCheck = {
  id: 'sessions-not-replicated',
  category: 'sessions',
  severity: 'critical',
  title: "Tomcat keeps HTTP sessions in one pod's memory",
};
const managerOverride: RuleCheck = {
  id: 'sessions-manager-override',
  category: 'sessions',
  severity: 'critical',
  title: 'context.xml Manager overrides the replicating cluster manager',
};
const notDistributable: RuleCheck = {
  id: 'sessions-not-distributable',
  category: 'sessions',
  severity: 'critical',
  title:
    'web.xml is not <distributable/>: Tomcat will not replicate its sessions',
};
const multicast: RuleCheck = {
  id: 'sessions-multicast-membership',
  category: 'sessions',
  severity: 'info',
  title: 'Cluster membership by multicast, which most Kubernetes networks drop',
};

const CLUSTER_SNIPPET = `<!-- server.xml, inside <Engine> -->
<Cluster className="org.apache.catalina.ha.tcp.SimpleTcpCluster" channelSendOptions="6">
  <Manager className="org.apache.catalina.ha.session.DeltaManager"
           expireSessionsOnShutdown="false" notifyListenersOnReplication="true"/>
  <Channel className="org.apache.catalina.tribes.group.GroupChannel">
    <Membership className="org.apache.catalina.tribes.membership.cloud.CloudMembershipService"
                membershipProviderClassName="org.apache.catalina.tribes.membership.cloud.KubernetesMembershipProvider"/>
    <Receiver className="org.apache.catalina.tribes.transport.nio.NioReceiver" address="auto" port="4000"/>
    <Sender className="org.apache.catalina.tribes.transport.ReplicationTransmitter">
      <Transport className="org.apache.catalina.tribes.transport.nio.PooledParallelSender"/>
    </Sender>
  </Channel>
  <Valve className="org.apache.catalina.ha.tcp.ReplicationValve" filter=""/>
  <ClusterListener className="org.apache.catalina.ha.session.ClusterSessionListener"/>
</Cluster>`;

/** `sessions`: a Tomcat workload whose HTTP sessions die with its pod. */
export const sessionReplicationRule: PostureRule = {
  checks: [notReplicated, managerOverride, notDistributable, multicast],
  evaluate({ workload: w, files, service }) {
    const tomcat = tomcatContainerOf(w);
    if (!tomcat) return [];
    const cfg = sessionConfigOf(files);
    // Objects only: ConfigMap/Secret refs without their #key; files next to the manifests stay in the evidence.
    const origins = [
      ...new Set(
        files
          .filter(
            f =>
              tomcatFileKind(f.path) && /^(ConfigMap|Secret)\//.test(f.origin),
          )
          .map(f => f.origin.split('#')[0]),
      ),
    ];
    const nodes = liveNodes(w);
    const allOnOne = w.replicas < 2 || nodes.length === 1;
    const spof = allOnOne
      ? msg('sessions.spof.allOnOne', {
          node:
            nodes.length === 1
              ? msg('phrase.node', { node: nodes[0] })
              : nodePhrase(w),
          service,
        })
      : msg('sessions.spof.spread', { workload: label(w), service });
    if (cfg.contextManager && cfg.managerProtects === false) {
      return [
        findingFor(managerOverride, w, {
          message: msg(
            cfg.contextManager.store
              ? 'sessions-manager-override.withStore.message'
              : 'sessions-manager-override.message',
            {
              workload: label(w),
              className: `${cfg.contextManager.className}`,
              ...(cfg.contextManager.store
                ? { store: cfg.contextManager.store }
                : {}),
              overridden: msg(
                cfg.cluster
                  ? 'sessions-manager-override.clusterManager'
                  : 'sessions-manager-override.anyReplication',
              ),
            },
          ),
          evidence: `${cfg.contextManager.origin}: <Manager className="${cfg.contextManager.className}">`,
          remediation: msg('sessions-manager-override.remediation', {
            snippet:
              '<Manager className="org.apache.catalina.ha.session.DeltaManager"/>',
          }),
          objects: origins,
          spof,
        }),
      ];
    }
    if (cfg.contextManager && cfg.managerProtects) return []; // shared store or replicating manager in context.xml
    if (!cfg.cluster) {
      return [
        findingFor(notReplicated, w, {
          message: msg('sessions-not-replicated.message', {
            workload: label(w),
            serverXml: cfg.serverXml
              ? cfg.serverXml.origin
              : msg('sessions-not-replicated.defaultServerXml'),
          }),
          evidence: cfg.serverXml
            ? msg('evidence.noClusterElement', { origin: cfg.serverXml.origin })
            : msg('evidence.serverXmlNotMounted'),
          remediation: msg('sessions-not-replicated.remediation', {
            snippet: CLUSTER_SNIPPET,
          }),
          objects: origins,
          spof,
        }),
      ];
    }
    const out = [];
    if (cfg.distributable === false) {
      out.push(
        findingFor(notDistributable, w, {
          message: msg('sessions-not-distributable.message', {
            workload: label(w),
          }),
          evidence: msg('evidence.notDistributable', {
            origin: `${cfg.webXmlOrigin}`,
          }),
          remediation: '<web-app ...>\n  <distributable/>\n</web-app>',
          objects: origins,
          spof,
        }),
      );
    }
    if (cfg.membership === 'multicast') {
      out.push(
        findingFor(multicast, w, {
          message: msg('sessions-multicast-membership.message', {
            workload: label(w),
          }),
          evidence: msg('evidence.multicastMembership', {
            origin: cfg.cluster.origin,
          }),
          remediation:
            '<Membership className="org.apache.catalina.tribes.membership.cloud.CloudMembershipService"\n            membershipProviderClassName="org.apache.catalina.tribes.membership.cloud.KubernetesMembershipProvider"/>',
          objects: origins,
        }),
      );
    }
    return out;
  },
};
