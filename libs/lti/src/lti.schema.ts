import type { SchemaParts } from '@o2o/persistence';
import { LtiCourseLink } from './entities/lti-course-link.entity';
import { LtiDeployment } from './entities/lti-deployment.entity';
import { LtiEnrolment } from './entities/lti-enrolment.entity';
import { LtiGradeSync } from './entities/lti-grade-sync.entity';
import { LtiKey } from './entities/lti-key.entity';
import { LtiLineItem } from './entities/lti-line-item.entity';
import { LtiRegistration } from './entities/lti-registration.entity';
import { LtiRosterImport } from './entities/lti-roster-import.entity';
import { LtiSession } from './entities/lti-session.entity';
import { LtiStoreRecord } from './entities/lti-store-record.entity';
import { LtiSchema1733300005000 } from './migrations/1733300005000-lti-schema.migration';

export const LTI_ENTITIES = [
  LtiRegistration, LtiDeployment, LtiKey, LtiStoreRecord, LtiSession, LtiCourseLink, LtiLineItem, LtiGradeSync,
  LtiEnrolment, LtiRosterImport,
];

/** What the host adds to its schema for the LTI tool (apps/host/src/capabilities.ts). */
export const LTI_SCHEMA: SchemaParts = { entities: LTI_ENTITIES, migrations: [LtiSchema1733300005000] };
