import { readSessionConfig } from '../tomcat/sessionConfig';
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
    const cfg = readSessionConfig(files);
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
      ? `if ${
          nodes.length === 1 ? `node ${nodes[0]}` : nodePhrase(w)
        } fails, ${service} loses all its sessions`
      : `if a node running ${label(
          w,
        )} fails, ${service} loses the sessions held there`;
    if (cfg.contextManager && cfg.managerProtects === false) {
      return [
        findingFor(managerOverride, w, {
          message: `${label(w)}: context.xml declares <Manager className="${
            cfg.contextManager.className
          }"${
            cfg.contextManager.store ? ` with ${cfg.contextManager.store}` : ''
          }>, which overrides ${
            cfg.cluster
              ? "the cluster's replicating manager"
              : 'any replication'
          }: sessions stay in one pod.`,
          evidence: `${cfg.contextManager.origin}: <Manager className="${cfg.contextManager.className}">`,
          remediation: `Remove the <Manager> from context.xml (the <Cluster>'s DeltaManager then applies), or use a replicating one:\n\n<Manager className="org.apache.catalina.ha.session.DeltaManager"/>`,
          objects: origins,
          spof,
        }),
      ];
    }
    if (cfg.contextManager && cfg.managerProtects) return []; // shared store or replicating manager in context.xml
    if (!cfg.cluster) {
      return [
        findingFor(notReplicated, w, {
          message: `${label(w)} runs Tomcat ${
            cfg.serverXml
              ? `with ${cfg.serverXml.origin}`
              : "with the image's default server.xml"
          } and no <Cluster>: each user's HTTP session lives in one pod's memory.`,
          evidence: cfg.serverXml
            ? `${cfg.serverXml.origin}: no <Cluster> element outside comments`
            : 'server.xml: not mounted (image default has no <Cluster>)',
          remediation: `Mount a server.xml with session replication (and mark the app <distributable/>):\n\n${CLUSTER_SNIPPET}`,
          objects: origins,
          spof,
        }),
      ];
    }
    const out = [];
    if (cfg.distributable === false) {
      out.push(
        findingFor(notDistributable, w, {
          message: `${label(
            w,
          )} has a <Cluster>, but its web.xml lacks <distributable/>: Tomcat keeps the application's sessions local.`,
          evidence: `${cfg.webXmlOrigin}: no <distributable/>`,
          remediation: '<web-app ...>\n  <distributable/>\n</web-app>',
          objects: origins,
          spof,
        }),
      );
    }
    if (cfg.membership === 'multicast') {
      out.push(
        findingFor(multicast, w, {
          message: `${label(
            w,
          )} finds its cluster members by multicast (Tomcat's default McastService), which most Kubernetes networks do not carry: members may never see each other.`,
          evidence: `${cfg.cluster.origin}: <Cluster> without a cloud <Membership>`,
          remediation:
            '<Membership className="org.apache.catalina.tribes.membership.cloud.CloudMembershipService"\n            membershipProviderClassName="org.apache.catalina.tribes.membership.cloud.KubernetesMembershipProvider"/>',
          objects: origins,
        }),
      );
    }
    return out;
  },
};
