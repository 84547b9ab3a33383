import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV event ids gained a time key: `csv:<sha256>` became `csv:<12 hex digits of epoch ms>:<sha256>` (the hash is
 * computed over the same normalised text, see csv-row-source-id.ts). Rewriting the stored ids keeps the promise
 * that re-importing a file imports nothing twice for files imported before the change. Only ids of the old shape
 * (`csv:` + 64 hex) are touched; the time key comes from the stored instant, exactly as the parser derives it.
 */
export class CsvSourceIdTimeKey1733300000410 implements MigrationInterface {
  name = 'CsvSourceIdTimeKey1733300000410';

  async up(qr: QueryRunner): Promise<void> {
    if (qr.connection.options.type === 'postgres') {
      await qr.query(`UPDATE "learning_event" SET "sourceId" = 'csv:' ||
          CASE WHEN "occurredAt" > 'epoch'::timestamptz
            THEN lpad(to_hex(round(extract(epoch from "occurredAt") * 1000)::bigint), 12, '0') ELSE '000000000000' END
          || ':' || substr("sourceId", 5)
        WHERE "source" = 'csv' AND "sourceId" ~ '^csv:[0-9a-f]{64}$'`);
      return;
    }
    // SQLite keeps instants as UTC text "YYYY-MM-DD HH:MM:SS.sss": whole seconds from strftime, milliseconds from the text.
    await qr.query(`UPDATE "learning_event" SET "sourceId" = 'csv:' ||
        CASE WHEN strftime('%s', "occurredAt") * 1000 + CAST(substr("occurredAt", 21, 3) AS INTEGER) > 0
          THEN printf('%012x', strftime('%s', "occurredAt") * 1000 + CAST(substr("occurredAt", 21, 3) AS INTEGER)) ELSE '000000000000' END
        || ':' || substr("sourceId", 5)
      WHERE "source" = 'csv' AND length("sourceId") = 68 AND "sourceId" GLOB 'csv:[0-9a-f]*' AND substr("sourceId", 5) NOT GLOB '*[^0-9a-f]*'`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`UPDATE "learning_event" SET "sourceId" = 'csv:' || substr("sourceId", 18)
      WHERE "source" = 'csv' AND length("sourceId") = 81 AND substr("sourceId", 17, 1) = ':'`);
  }
}
