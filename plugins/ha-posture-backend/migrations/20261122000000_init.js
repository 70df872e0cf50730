// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  // The last evaluation of each entity, whole, so the API answers without recomputing.
  await knex.schema.createTable('posture_latest', table => {
    table.string('entity_ref').primary();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.text('body').notNullable();
  });
  // Every change of an entity's grade or finding counts; scheduled refreshes that
  // change nothing add no row.
  await knex.schema.createTable('posture_history', table => {
    table.increments('id');
    table.string('entity_ref').notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.string('grade', 1).notNullable();
    table.integer('critical').notNullable();
    table.integer('warning').notNullable();
    table.integer('info').notNullable();
    table.index(['entity_ref', 'evaluated_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('posture_history');
  await knex.schema.dropTable('posture_latest');
};
