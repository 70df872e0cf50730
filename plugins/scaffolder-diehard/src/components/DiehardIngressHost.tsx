import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import { userTranslation } from '../readyTranslation';
import { FormTextField } from './FormTextField';
import { otherFieldValue } from './otherFieldValue';
import { targetAccess } from './targetAccess';

/**
 * `ui:options` of the `DiehardIngressHost` field.
 *
 * @public
 */
export interface DiehardIngressHostOptions {
  /** The form field holding the cluster (default `cluster`). */
  clusterField?: string;
  /** The form field holding the namespace (default `namespace`). */
  namespaceField?: string;
  /** The form field holding the name of the Ingress the template applies (default `name`). */
  ingressField?: string;
}

/**
 * `ui:field: DiehardIngressHost`: the host name the template's Ingress will serve,
 * typed as in a plain text field. **Next** refuses a host another Ingress of the chosen
 * cluster serves already (the two would share its traffic); a cluster that cannot be
 * asked leaves the host to the template's first step.
 */
export function DiehardIngressHost(
  props: FieldExtensionComponentProps<string, DiehardIngressHostOptions>,
) {
  return <FormTextField {...props} />;
}

/** Refuses a host another Ingress of the form's cluster serves (when the cluster answers). */
export const validateIngressHost: CustomFieldValidator<
  string,
  DiehardIngressHostOptions
> = async (host, validation, { apiHolder, formData, uiSchema, schema }) => {
  const options = uiSchema?.['ui:options'];
  const cluster = otherFieldValue(formData, options?.clusterField ?? 'cluster');
  const namespace = otherFieldValue(
    formData,
    options?.namespaceField ?? 'namespace',
  );
  const ingress = otherFieldValue(formData, options?.ingressField ?? 'name');
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : '';
  if (!host || !cluster || !namespace || !ingress) return;
  if (pattern && !new RegExp(pattern).test(host)) return;
  const answer = await targetAccess(apiHolder, cluster)
    .then(access =>
      access?.api
        .getIngressHost(
          cluster,
          { host, namespace, ingress },
          { userToken: access.userToken },
        )
        .then(taken => ({ taken, title: access.target.title })),
    )
    .catch(() => undefined);
  if (!answer?.taken.taken) return;
  const t = await userTranslation(apiHolder);
  validation.addError(
    answer.taken.ingress
      ? t('ingressHost.taken', {
          host,
          ingress: answer.taken.ingress,
          cluster: answer.title,
        })
      : t('ingressHost.takenElsewhere', { host, cluster: answer.title }),
  );
};
