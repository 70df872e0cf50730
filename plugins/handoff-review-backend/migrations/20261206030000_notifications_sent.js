// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  // Each time-based event told once, whichever replica's scheduled check sees it first.
  await knex.schema.createTable('review_notifications_sent', table => {
    table.string('review_id').notNullable();
    table.string('event_key', 500).notNullable();
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['review_id', 'event_key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_notifications_sent');
};
