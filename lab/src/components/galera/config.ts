import path from 'node:path';
import { LAB_HOST, LAB_PORTS } from '../../ports';

export const CLUSTER_NAME = 'diehard-lab';
export const NODE_COUNT = LAB_PORTS.galera.length;

export interface NodeFiles {
  dir: string;
  data: string;
  cnf: string;
  socket: string;
  pid: string;
  log: string;
  /** Present while a test keeps the node down (kill); `up` leaves it down. */
  held: string;
}

export function nodeFiles(componentDir: string, i: number): NodeFiles {
  const dir = path.join(componentDir, `node-${i}`);
  return {
    dir,
    data: path.join(dir, 'data'),
    cnf: path.join(dir, 'my.cnf'),
    socket: path.join(dir, 'run', 'mysqld.sock'),
    pid: path.join(dir, 'mariadbd.pid'),
    log: path.join(dir, 'mariadbd.log'),
    held: path.join(dir, 'held-down'),
  };
}

/** my.cnf of node `i`: all three nodes on the lab host, each with its own ports. */
export function nodeConfig(
  componentDir: string,
  i: number,
  host = LAB_HOST,
): string {
  const f = nodeFiles(componentDir, i);
  const p = LAB_PORTS.galera[i];
  const peers = LAB_PORTS.galera.map(n => `${host}:${n.gmcast}`).join(',');
  const provider = [
    `gmcast.listen_addr=tcp://${host}:${p.gmcast}`,
    `ist.recv_addr=${host}:${p.ist}`,
    'gcache.size=64M',
    // Quicker failure detection than the WAN-friendly defaults: loopback never lags.
    'evs.suspect_timeout=PT3S',
    'evs.inactive_timeout=PT6S',
    'evs.install_timeout=PT6S',
    'pc.wait_prim_timeout=PT10S',
  ].join(';');
  return `[mysqld]
datadir=${f.data}
socket=${f.socket}
pid-file=${path.join(f.dir, 'run', 'mariadbd.pid')}
bind-address=${host}
port=${p.sql}
skip-name-resolve
skip-log-bin
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=64M
innodb_log_file_size=48M
innodb_flush_log_at_trx_commit=0
max_connections=200
performance_schema=OFF

wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=${CLUSTER_NAME}
wsrep_cluster_address=gcomm://${peers}
wsrep_node_name=node-${i}
wsrep_node_address=${host}:${p.gmcast}
wsrep_provider_options="${provider}"
wsrep_sst_method=rsync
wsrep_sst_receive_address=${host}:${p.sst}
wsrep_slave_threads=2
`;
}
