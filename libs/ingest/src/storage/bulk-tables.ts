import { BulkColumn, BulkTable } from './bulk-insert';

const cols = (spec: string): BulkColumn[] =>
  spec.split(/\s+/).filter(Boolean).map((pair) => {
    const [name, pg] = pair.split(':');
    return { name, pg: pg as BulkColumn['pg'] };
  });

/** Column order and PostgreSQL types of the tables the doors write in bulk (see the ingest and core migrations). */
export const BulkTables = {
  learningEvent: {
    name: 'learning_event',
    columns: cols(`id:varchar tenantId:varchar learnerId:varchar courseRef:text activityId:text type:varchar sourceVerb:text
      occurredAt:timestamptz durationSeconds:float8 scoreScaled:float8 scoreRaw:float8 scoreMin:float8 scoreMax:float8
      completion:bool success:bool amountValue:float8 currency:varchar source:varchar sourceId:varchar ingestedAt:timestamptz`),
  },
  learner: { name: 'learner', columns: cols('id:varchar tenantId:varchar pseudonym:varchar') },
  learnerIdentity: { name: 'learner_identity', columns: cols('id:varchar tenantId:varchar learnerId:varchar issuer:varchar subject:varchar') },
  learnerAggregateSeed: { name: 'learner_aggregate', columns: cols('learnerId:varchar tenantId:varchar updatedAt:timestamptz') },
  learnerAggregate: {
    name: 'learner_aggregate',
    columns: cols(`learnerId:varchar tenantId:varchar eventCount:int4 countsByType:text durationMs:float8 minutes:float8
      scoreCount:int4 scoreSumMicro:float8 scoreMean:float8 ratingCount:int4 ratingSumMicro:float8 ratingMean:float8
      courseFlags:text coursesActive:int4 coursesCompleted:int4 completionRate:float8 coursesBought:int4 purchaseCount:int4
      amountMilli:text firstActivityAt:timestamptz lastActivityAt:timestamptz activeDayRuns:text activeDays:int4
      currentStreak:int4 longestStreak:int4 updatedAt:timestamptz`),
  },
  xapiStatement: {
    name: 'xapi_statement',
    columns: cols('id:varchar tenantId:varchar statementId:varchar contentHash:varchar learnerId:varchar credentialId:varchar statement:text stored:timestamptz voided:bool'),
  },
  caliperRawEvent: {
    name: 'caliper_raw_event',
    columns: cols('id:varchar tenantId:varchar eventId:varchar eventType:varchar reason:varchar sensor:text payload:text receivedAt:timestamptz'),
  },
} satisfies Record<string, BulkTable>;
