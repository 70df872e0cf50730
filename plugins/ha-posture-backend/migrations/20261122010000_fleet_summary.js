// @ts-check

/**
 * The fleet page's columns beside each latest posture, so listing every service
 * reads a few small columns rather than parsing every posture.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('posture_latest', table => {
    table.string('grade', 1).nullable();
    table.integer('critical').nullable();
    table.integer('warning').nullable();
    table.string('source_type').nullable();
  });
  const rows = await knex('posture_latest').select('entity_ref', 'body');
  for (const row of rows) {
    const posture = JSON.parse(row.body);
    const findings = (posture.report?.workloads ?? []).flatMap(
      (/** @type {any} */ w) => w.findings ?? [],
    );
    const count = (/** @type {string} */ severity) =>
      findings.filter((/** @type {any} */ f) => f.severity === severity).length;
    const counts = { critical: count('critical'), warning: count('warning') };
    await knex('posture_latest')
      .where({ entity_ref: row.entity_ref })
      .update({
        grade: posture.grade ?? null,
        ...counts,
        source_type: posture.source?.type ?? 'none',
      });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('posture_latest', table => {
    table.dropColumn('grade');
    table.dropColumn('critical');
    table.dropColumn('warning');
    table.dropColumn('source_type');
  });
};
