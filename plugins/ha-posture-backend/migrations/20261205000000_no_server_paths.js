// @ts-check

/**
 * Postures computed from manifests named the folder by a path of the server, and
 * entities without posture annotations (users, groups…) got a row of their own. Both
 * go: annotated entities are evaluated again at their next read or scheduled refresh;
 * their history stays.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('posture_latest')
    .whereIn('source_type', ['manifests', 'none'])
    .delete();
};

/** @param {import('knex').Knex} _knex */
exports.down = async function down(_knex) {};
