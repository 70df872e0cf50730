// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  // A review is one JSON document, updated only when the caller's version matches.
  await knex.schema.createTable('reviews', table => {
    table.string('id').primary();
    table.string('entity_ref').notNullable().index();
    table.string('status').notNullable();
    table.integer('version').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.text('body').notNullable();
  });
  // Every accepted change, in order; never updated nor deleted.
  await knex.schema.createTable('review_events', table => {
    table.increments('seq');
    table.string('review_id').notNullable().index();
    table.integer('version').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor').notNullable();
    table.string('action').notNullable();
    table.text('detail').notNullable();
    table.unique(['review_id', 'version']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_events');
  await knex.schema.dropTable('reviews');
};
