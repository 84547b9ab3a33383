import { Get, Headers, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiV1, CurrentTenant, SessionView } from '@o2o/api';
import { SuggestionService, Tenant } from '@o2o/core';
import { resolveLocale } from '@o2o/i18n';
import { SuggestionsQuery } from './suggestions.query';

@ApiTags('suggestions')
@ApiBearerAuth()
@ApiV1('learners')
export class LearnerSuggestionsController {
  constructor(private readonly suggestions: SuggestionService) {}

  @Get(':id/suggestions')
  @ApiOperation({ summary: 'Upcoming sessions for this learner, ranked by predicted satisfaction, with reasons in en and zh-CN' })
  async forLearner(
    @CurrentTenant() tenant: Tenant,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SuggestionsQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    const locale = resolveLocale(acceptLanguage, tenant.defaultLocale === 'zh-CN' ? 'zh-CN' : 'en');
    const found = await this.suggestions.forLearner(tenant.id, id, {
      limit: query.limit ?? 5, city: query.city, courseId: query.courseId,
      from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined,
    });
    return found.map((s) => ({
      session: SessionView.of(s.session), score: Math.round(s.score * 10_000) / 10_000, waitlist: s.waitlist,
      reasonText: s.reason[locale], reason: s.reason, reasonCodes: s.reasonCodes,
    }));
  }
}
