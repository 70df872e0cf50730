import { AuthenticationV1Api } from '@kubernetes/client-node';
import { ClusterConnection } from '../KubernetesClusterDirectory';

/** Who the API server says the caller is (a SelfSubjectReview). */
export async function whoAmI(connection: ClusterConnection) {
  const review = await connection.kubeConfig
    .makeApiClient(AuthenticationV1Api)
    .createSelfSubjectReview({
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'SelfSubjectReview',
      },
    });
  return review.status?.userInfo;
}
